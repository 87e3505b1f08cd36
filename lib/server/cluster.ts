// The primary process of `npm start`: it serves nothing itself. It forks the workers,
// replaces one that dies, and on SIGTERM or SIGINT asks each to finish its requests in
// flight, then exits 0 once they all have (docs/decisions/0010-workers-and-shutdown.md).
// Under `npm start` the signal reaches it through npm, which passes SIGTERM and SIGINT on
// to its script: package.json's `exec` makes this process that script, not a child of a
// `sh -c` that would die of the signal and leave it running (decision 0042). Should npm
// itself die without passing anything on (SIGKILL), this process stops as on SIGTERM.
import "server-only";
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import type { Env } from "@/lib/env";

// A worker that dies this soon after it started is likely to die again: wait a little
// before the next one, so a crash loop does not spin the CPU.
const EARLY_DEATH_MS = 10_000;
const RESTART_DELAY_MS = 1_000;

/** One per CPU, or WEB_CONCURRENCY; one for the embedded database, which one process owns. */
export function workerCount(env: Pick<Env, "DATABASE_URL" | "WEB_CONCURRENCY">): number {
  if (!env.DATABASE_URL) {
    if ((env.WEB_CONCURRENCY ?? 1) > 1) {
      console.warn("WEB_CONCURRENCY is ignored: the embedded database is served by one worker");
    }
    return 1;
  }
  return env.WEB_CONCURRENCY ?? availableParallelism();
}

/** `startedByNpm`: run as `npm start`'s script (server.ts reads npm_lifecycle_event). */
export function superviseWorkers(count: number, url: string, { startedByNpm = false }: { startedByNpm?: boolean } = {}): void {
  const startedAt = new Map<Worker, number>();
  let stopping = false;
  let listening = 0;

  const fork = () => startedAt.set(cluster.fork(), Date.now());

  cluster.on("listening", () => {
    if (++listening === count) console.log(`Ready on ${url} (production, ${count} worker${count === 1 ? "" : "s"})`);
  });
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit(0);
      return;
    }
    console.error(`Worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); starting another`);
    setTimeout(fork, lived < EARLY_DEATH_MS ? RESTART_DELAY_MS : 0);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the requests in flight`);
    if (startedAt.size === 0) process.exit(0);
    // A Ctrl-C in a terminal reaches the workers too; a second signal is harmless there.
    for (const worker of startedAt.keys()) worker.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  if (startedByNpm) stopWhenParentIsGone(() => stop("SIGTERM"));

  for (let i = 0; i < count; i++) fork();
}

const PARENT_CHECK_MS = 1_000;

/**
 * Started by `npm start`, this process is npm's child: when its parent changes, npm is
 * gone and nobody is left to stop the server, so it stops. Run by plain node (systemd, a
 * container, `nohup`), a parent that goes away is no reason, and this is not called.
 */
function stopWhenParentIsGone(stop: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    console.log("npm exited: stopping too");
    stop();
  }, PARENT_CHECK_MS);
  timer.unref();
}
