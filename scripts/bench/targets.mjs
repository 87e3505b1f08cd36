// The servers under test: the app (`npm start` on the production build) and, when
// ../shared/bench/peers exists, the peers it is compared with. Each one gets its own
// fresh database and a free loopback port, and runs in its own process group, so that
// stopping it also stops whatever workers it forked (npm -> tsx -> node, gunicorn's
// workers, node:cluster).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

// postgresql://, not postgres://: SQLAlchemy 1.4 (the Flask peer) knows only the long name.
const PG_SERVER = (process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432")
  .replace(/^postgres:/, "postgresql:").replace(/\/$/, "");
// Long enough for a first `npm start` on a busy 2-core machine (migrations, Next's prepare).
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 5_000;
// The peers' built-in default too; a bench-only key.
const JWT_SECRET = "bench-only-secret-0123456789abcdef0123456789";
// Every target hashes at the app's cost, so that login compares stacks, not settings.
const BCRYPT_COST = "10";
// High enough that the bench is never throttled; the limits are not what it measures.
const NO_LIMIT = "1000000";

/** What each target is and how it starts. `port` and `databaseUrl` are filled in at start. */
export function targetCatalog(root, peersDir, baseDir = process.env.BENCH_BASE_DIR) {
  const peer = (...p) => path.join(peersDir, ...p);
  return {
    app: appTarget("the app: `npm start` on the production build", "bench_app", root),
    // The app as another checkout has it (BENCH_BASE_DIR, built there), measured in the same
    // interleaved run: "no slower than before" compared side by side, not across runs.
    ...(baseDir ? { base: { ...appTarget(`the app at ${baseDir}`, "bench_base", baseDir), peer: true } } : {}),
    // The same build started with other settings, measured beside `app` in the same run:
    // what a setting costs (`es256/app` in the table), not a peer.
    es256: appTarget("the app with JWT_ALG=ES256 (keys from the database, JWKS at the edge)", "bench_es256", root, { JWT_ALG: "ES256" }),
    flask: {
      describe: "Flask seed: gunicorn, 2 sync workers, bcrypt",
      database: "bench_flask",
      peer: true,
      command: ({ port, databaseUrl }) => ({
        cmd: "sh", args: [peer("flask_seed", "start.sh")], cwd: peer("flask_seed"),
        env: { DATABASE_URL: databaseUrl, PORT: String(port), JWT_SECRET, BCRYPT_COST, WORKER_CLASS: "sync", WORKERS: "2", PASSWORD_HASH: "bcrypt" },
      }),
    },
    raw: rawNode("raw Node: node:http + jose + pg, 1 process", "bench_raw", "1", root, peersDir),
    raw2: rawNode("raw Node under node:cluster, WORKERS=2", "bench_raw2", "2", root, peersDir),
  };
}

/** `npm start` in `cwd`; `settings` are added to its environment (a variant of the app). */
function appTarget(describe, database, cwd, settings = {}) {
  return {
    describe,
    database,
    pages: true,
    command: ({ port, databaseUrl }) => ({
      cmd: "npm", args: ["start"], cwd,
      env: {
        NODE_ENV: "production", DATABASE_URL: databaseUrl, JWT_SECRET, BCRYPT_COST,
        PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1",
        LOGIN_MAX_FAILURES_PER_IP: NO_LIMIT, LOGIN_MAX_FAILURES_PER_EMAIL: NO_LIMIT, SIGNUP_MAX_PER_IP: NO_LIMIT,
        ...settings,
        // WEB_CONCURRENCY (workers of `npm start`) passes through from the caller's environment.
      },
    }),
  };
}

function rawNode(describe, database, workers, root, peersDir) {
  return {
    describe, database, peer: true,
    command: ({ port, databaseUrl }) => ({
      cmd: process.execPath, args: ["server.mjs"], cwd: rawNodeDir(root, peersDir),
      env: { DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", JWT_SECRET, BCRYPT_COST, WORKERS: workers },
    }),
  };
}

/**
 * The raw Node peer's folder with its node_modules. The shared folder may be read-only
 * (it is in CI), so unless it already has node_modules the peer is copied to a cache
 * under our own node_modules and installed there once per lockfile.
 */
function rawNodeDir(root, peersDir) {
  const source = path.join(peersDir, "raw_node");
  if (fs.existsSync(path.join(source, "node_modules"))) return source;
  const dir = path.join(root, "node_modules", ".cache", "bench-peers", "raw_node");
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    // Contents only: a copied read-only mode would block the next copy for a non-root user.
    if (entry.isFile()) fs.writeFileSync(path.join(dir, entry.name), fs.readFileSync(path.join(source, entry.name)));
  }
  const lock = createHash("sha256").update(fs.readFileSync(path.join(dir, "package-lock.json"))).digest("hex");
  const marker = path.join(dir, "node_modules", ".bench-lock-sha256");
  if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === lock) return dir;
  console.log(`Installing the raw Node peer's dependencies in ${path.relative(root, dir)}`);
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, stdio: "inherit" });
  if (install.status !== 0) throw new Error("npm install for the raw Node peer failed");
  fs.writeFileSync(marker, lock);
  return dir;
}

/** Drops and creates the target's database: every run starts from empty tables. */
export function freshDatabase(name) {
  const result = spawnSync("psql", [
    `${PG_SERVER}/postgres`, "-v", "ON_ERROR_STOP=1", "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
    "-c", `CREATE DATABASE ${name}`,
  ], { encoding: "utf8" });
  if (result.error) throw new Error(`psql: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`psql could not create ${name}: ${result.stderr.trim()}`);
  return `${PG_SERVER}/${name}`;
}

export function postgresVersion() {
  const result = spawnSync("psql", [`${PG_SERVER}/postgres`, "-Atc", "SHOW server_version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** A port nobody listens on now (the other engineer's tests use fixed ones). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const running = new Set();

/** Starts a target and waits until `GET /api/health` answers 200. */
export async function startTarget(name, spec, logDir) {
  const port = await freePort();
  const databaseUrl = freshDatabase(spec.database);
  const { cmd, args, cwd, env } = spec.command({ port, databaseUrl });
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.openSync(logFile, "w");
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const server = { name, url: `http://127.0.0.1:${port}`, child, logFile, env: publicEnv(env) };
  running.add(server);
  await waitHealthy(server);
  return server;
}

/** The settings a target ran with, for the results file; the secret left out. */
function publicEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== "JWT_SECRET"));
}

async function waitHealthy(server) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${server.name} exited during start-up:\n${logTail(server.logFile)}`);
    }
    const status = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status, () => 0);
    if (status === 200) return;
    await sleep(250);
  }
  throw new Error(`${server.name} was not healthy after ${START_TIMEOUT_MS / 1000} s:\n${logTail(server.logFile)}`);
}

export function logTail(file, lines = 20) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  return text.split("\n").slice(-lines).map((l) => `  | ${l}`).join("\n");
}

/** TERM to the whole group, KILL to whatever is left after a few seconds. */
async function stopTarget(server) {
  const group = -server.child.pid;
  signal(group, "SIGTERM");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (groupAlive(group) && Date.now() < deadline) await sleep(100);
  if (groupAlive(group)) signal(group, "SIGKILL");
  running.delete(server);
}

export function stopAll() {
  return Promise.all([...running].map(stopTarget));
}

// Last resort when the bench dies between signals: no server may outlive it.
process.on("exit", () => {
  for (const server of running) signal(-server.child.pid, "SIGKILL");
});

function signal(group, name) {
  try {
    process.kill(group, name);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(group) {
  try {
    process.kill(group, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
