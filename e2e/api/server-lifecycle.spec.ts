// npm start as an operator meets it: a stop signal lets every request in flight finish,
// and a worker that dies is replaced. Each test starts its own server process.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { signUp, startServer, waitUntilHealthy, type ServerProcess } from "../support/server-process";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
let server: ServerProcess | undefined;

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

test("a SIGTERM with logins in flight answers every one of them, then exits 0", async () => {
  // Cost 12: each login spends a quarter of a second hashing, long enough to be in flight.
  // Ten logins at once for one email: past the per-email limit, which counts each attempt
  // before its password is checked (that limit has tests of its own).
  server = await startServer(PORT, { PGLITE_DATA_DIR: "memory://", BCRYPT_COST: "12", LOGIN_MAX_FAILURES_PER_EMAIL: "100" });
  const { email, password } = await signUp(server.url);
  const logins = Array.from({ length: 10 }, () =>
    fetch(`${server!.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    }).then((r) => r.status, (error: Error) => error.message),
  );
  // Long enough for all ten to reach the server on a busy machine, far shorter than the
  // seconds the ten hashes take on its cores.
  await new Promise((resolve) => setTimeout(resolve, 500));
  server.child.kill("SIGTERM");
  expect(await Promise.all(logins)).toEqual(Array(10).fill(200));
  expect(await server.exited).toEqual({ code: 0, signal: null });
  // And it no longer accepts connections.
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
});

test("a worker that dies is replaced, and the server keeps answering", async () => {
  server = await startServer(PORT, { PGLITE_DATA_DIR: "memory://" });
  const [worker] = execFileSync("pgrep", ["-P", String(server.child.pid)]).toString().trim().split("\n");
  process.kill(Number(worker), "SIGKILL");
  await expect.poll(() => server!.output(), { timeout: 10_000 }).toContain(`Worker ${worker} died`);
  await waitUntilHealthy(server);
  const replacement = execFileSync("pgrep", ["-P", String(server.child.pid)]).toString().trim();
  expect(replacement).not.toBe(worker);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
});
