// npm start as an operator meets it: a stop signal lets every request in flight finish,
// whether it reaches node or the `npm start` process in front of it, and a worker that
// dies is replaced. Each test starts its own server process.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { signUp, startServer, waitUntilHealthy, type ServerProcess } from "../support/server-process";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
let server: ServerProcess | undefined;
/** Every process of an `npm start` under test: a failed test leaves none of them running. */
let npmTree: number[] = [];

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
  for (const pid of npmTree.filter(isRunning)) process.kill(pid, "SIGKILL");
  npmTree = [];
});

/**
 * Signs up, sends ten logins at once and a SIGTERM to the server's process (npm's, when it
 * was started through npm) while they are in flight: each login's status, or why it got none.
 */
async function sigtermDuringLogins(server: ServerProcess): Promise<Array<number | string>> {
  const { email, password } = await signUp(server.url);
  const logins = Promise.all(
    Array.from({ length: 10 }, () =>
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      }).then((r) => r.status, (error: Error) => error.message),
    ),
  );
  // Long enough for all ten to reach the server on a busy machine, far shorter than the
  // seconds the ten hashes take on its cores.
  await new Promise((resolve) => setTimeout(resolve, 500));
  server.child.kill("SIGTERM");
  return logins;
}

test("a SIGTERM with logins in flight answers every one of them, then exits 0", async () => {
  // Cost 12: each login spends a quarter of a second hashing, long enough to be in flight.
  // Ten logins at once for one email: past the per-email limit, which counts each attempt
  // before its password is checked (that limit has tests of its own).
  server = await startServer(PORT, { PGLITE_DATA_DIR: "memory://", BCRYPT_COST: "12", LOGIN_MAX_FAILURES_PER_EMAIL: "100" });
  expect(await sigtermDuringLogins(server)).toEqual(Array(10).fill(200));
  expect(await server.exited).toEqual({ code: 0, signal: null });
  // And it no longer accepts connections.
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
});

/** The pids of a process and of all its descendants, as they are now. */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)]).toString().trim().split("\n").map(Number);
  } catch {
    // pgrep exits 1 when there is none.
  }
  return [pid, ...children.flatMap(processTree)];
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("a SIGTERM to the npm start process answers the logins in flight, then every process of it exits", async () => {
  server = await startServer(
    PORT,
    { PGLITE_DATA_DIR: "memory://", BCRYPT_COST: "12", LOGIN_MAX_FAILURES_PER_EMAIL: "100" },
    { viaNpm: true },
  );
  const tree = (npmTree = processTree(server.child.pid!));
  // npm, the primary node process and its worker (npm's `sh -c` is replaced by node).
  expect(tree.length).toBeGreaterThanOrEqual(3);
  expect(await sigtermDuringLogins(server)).toEqual(Array(10).fill(200));
  // npm waits for its script and exits as it did: 0, a graceful stop.
  expect(await server.exited).toEqual({ code: 0, signal: null });
  await expect.poll(() => tree.filter(isRunning), { timeout: 10_000 }).toEqual([]);
  expect(server.output()).toContain("SIGTERM: finishing the requests in flight");
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
});

test("an npm start process killed outright (SIGKILL) does not leave the server running", async () => {
  server = await startServer(PORT, { PGLITE_DATA_DIR: "memory://" }, { viaNpm: true });
  const tree = (npmTree = processTree(server.child.pid!));
  expect(tree.length).toBeGreaterThanOrEqual(3);
  server.child.kill("SIGKILL");
  await expect.poll(() => tree.filter(isRunning), { timeout: 15_000 }).toEqual([]);
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
