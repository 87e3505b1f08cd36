// npm start on the embedded database: its primary owns the data directory for its whole
// life and its worker uses that claim; a second `node dist/server.js` stops at once with
// one line naming the primary; a SIGKILL loses nothing acknowledged, and the next start
// takes the directory over; everything in it is the app's user's alone
// (docs/decisions/0025-embedded-database-owner.md).
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SERVER_ENV, signUp, startServer, type ServerProcess } from "../support/server-process";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 13;
const dataDir = `.data/e2e-${PORT}-owner`;
test.skip(!!process.env.E2E_DATABASE_URL, "the embedded database only: the embedded pass runs it");

let servers: ServerProcess[] = [];
test.beforeEach(() => rmSync(dataDir, { recursive: true, force: true }));
test.afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async (port: number) => {
  const server = await startServer(port, { PGLITE_DATA_DIR: dataDir });
  servers.push(server);
  return server;
};

/** A second `npm start` on the same directory, run to its end. */
function secondStart(): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["dist/server.js"], {
    env: { ...process.env, ...SERVER_ENV, DATABASE_URL: "", PORT: String(PORT + 1), PGLITE_DATA_DIR: dataDir },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

const logIn = (server: ServerProcess, email: string, password: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.status);

test("a second npm start on the same data directory stops at once with one line naming the first, which keeps serving", async () => {
  const first = await start(PORT);
  const before = await signUp(first.url);
  const second = await secondStart();
  expect(second.code).toBe(1);
  expect(second.stderr.trimEnd()).toBe(
    `The embedded database ${dataDir} is in use by process ${first.child.pid} (node dist/server.js); stop it first, or set DATABASE_URL`,
  );
  const after = await signUp(first.url);
  expect(await logIn(first, before.email, before.password)).toBe(200);
  expect(await logIn(first, after.email, after.password)).toBe(200);
});

test("after a SIGKILL of the primary and its worker the next npm start takes over, with every signup that was answered", async () => {
  const first = await start(PORT);
  const accounts = [];
  for (let i = 0; i < 20; i++) accounts.push(await signUp(first.url));
  const workers = execFileSync("pgrep", ["-P", String(first.child.pid)]).toString().trim().split("\n");
  for (const pid of [first.child.pid!, ...workers.map(Number)]) process.kill(pid, "SIGKILL");
  await first.exited;
  const next = await start(PORT);
  for (const { email, password } of accounts) expect(await logIn(next, email, password)).toBe(200);
});

test("every directory in the data directory is 0700 and every file 0600 while npm start serves, its lock included", async () => {
  const server = await start(PORT);
  await signUp(server.url);
  const loose = [`${dataDir}.lock`, ...readdirSync(dataDir, { recursive: true, encoding: "utf8" }).map((e) => path.join(dataDir, e))]
    .map((file) => ({ file, stat: statSync(file) }))
    .filter(({ stat }) => (stat.mode & 0o777) !== (stat.isDirectory() ? 0o700 : 0o600))
    .map(({ file, stat }) => `${file} ${(stat.mode & 0o777).toString(8)}`);
  expect(loose).toEqual([]);
  expect(statSync(".data").mode & 0o777).toBe(0o700);
});
