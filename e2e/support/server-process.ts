// Starts `npm start`'s compiled server (node dist/server.js) as a child process, for the
// specs that must signal it, kill its workers or run two instances side by side; with
// `viaNpm`, `npm start` itself, as a person or a service manager runs it.
import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { auth, meta, urlOf } from "./api";

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  /** Resolves when the primary process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
  stop: () => Promise<void>;
};

export const SERVER_ENV: Record<string, string> = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  JWT_SECRET: "e2e-secret-that-is-at-least-32-bytes-long",
  BCRYPT_COST: "4",
  SIGNUP_MAX_PER_IP: "10000",
  LOGIN_MAX_FAILURES_PER_IP: "10000",
  NEXT_TELEMETRY_DISABLED: "1",
};

export async function startServer(
  port: number,
  env: Record<string, string>,
  { viaNpm = false }: { viaNpm?: boolean } = {},
): Promise<ServerProcess> {
  const [command, args] = viaNpm ? ["npm", ["start"]] : [process.execPath, ["dist/server.js"]];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      ...SERVER_ENV,
      DATABASE_URL: "",
      PORT: String(port),
      // Mail of its own, never in the repository's .data/outbox.
      MAIL_OUTBOX_DIR: path.join(tmpdir(), `jwt-items-e2e-outbox-${port}`),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const server = { url, child, exited, output: () => output, stop: async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  } };
  await waitUntilHealthy(server);
  return server;
}

export async function waitUntilHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`The server exited:\n${server.output()}`);
    const healthy = await fetch(urlOf(server.url, meta.getHealth)).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not start in time:\n${server.output()}`);
}

/** Signs up a fresh user; returns the access and refresh tokens. */
export async function signUp(url: string, email = `user-${crypto.randomUUID()}@example.com`) {
  const password = "correct horse battery";
  const response = await fetch(urlOf(url, auth.signUp), {
    method: auth.signUp.method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`signup answered ${response.status}`);
  const body = (await response.json()) as { access_token: string; refresh_token: string };
  return { email, password, accessToken: body.access_token, refreshToken: body.refresh_token };
}
