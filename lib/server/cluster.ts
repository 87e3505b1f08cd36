// The primary process of `npm start`: it serves nothing itself. It forks the workers,
// replaces one that dies, and on SIGTERM or SIGINT asks each to finish its requests in
// flight, then exits 0 once they all have (docs/decisions/0010-workers-and-shutdown.md).
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

export function superviseWorkers(count: number, url: string): void {
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

  for (let i = 0; i < count; i++) fork();
}
