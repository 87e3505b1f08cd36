// A few worker threads that run bcryptjs, so a hash never blocks the event loop.
// Threads start on demand (at most one per core), stay while there is work and are
// unref'd, so an idle pool never keeps a process alive. Each thread lowers its own
// scheduling priority: under a login storm the CPU goes first to the event loops that
// answer reads, and hashes take what is left (on Linux, setpriority(0) names the calling
// thread only). See docs/decisions/0011-bcrypt-worker-pool.md.
import "server-only";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

export type HashJob = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };
type Result<J extends HashJob> = J extends { op: "hash" } ? string : boolean;

// Evaluated code rather than a file: Next's bundles and Vercel's file tracing then need
// nothing beyond bcryptjs itself, which server code already imports.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { setPriority } = require("node:os");
const bcrypt = require("bcryptjs");
try { setPriority(10); } catch {}
parentPort.on("message", ({ id, job }) => {
  const run = job.op === "hash" ? bcrypt.hash(job.password, job.cost) : bcrypt.compare(job.password, job.hash);
  run.then((value) => parentPort.postMessage({ id, value }), (error) => parentPort.postMessage({ id, error: String(error) }));
});
`;

type Pending = { resolve: (value: string | boolean) => void; reject: (error: Error) => void };
type Thread = { worker: Worker; busy: number };

const size = Math.max(1, availableParallelism());
const threads: Thread[] = [];
const queue: { id: number; job: HashJob }[] = [];
const pending = new Map<number, Pending & { thread?: Thread }>();
let nextId = 0;

/** Runs one bcrypt operation on the pool; resolves with the hash, or whether it matched. */
export function runOnHashPool<J extends HashJob>(job: J): Promise<Result<J>> {
  return new Promise<Result<J>>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve: resolve as Pending["resolve"], reject });
    queue.push({ id, job });
    dispatch();
  });
}

function dispatch(): void {
  while (queue.length > 0) {
    const thread = threads.find((t) => t.busy === 0) ?? (threads.length < size ? spawn() : undefined);
    if (!thread) return;
    const task = queue.shift()!;
    thread.busy++;
    thread.worker.ref();
    pending.get(task.id)!.thread = thread;
    thread.worker.postMessage(task);
  }
}

function spawn(): Thread {
  const thread: Thread = { worker: new Worker(WORKER_SOURCE, { eval: true }), busy: 0 };
  thread.worker.on("message", ({ id, value, error }: { id: number; value?: string | boolean; error?: string }) => {
    const task = pending.get(id);
    pending.delete(id);
    thread.busy--;
    if (thread.busy === 0) thread.worker.unref();
    if (error !== undefined) task?.reject(new Error(`bcrypt failed: ${error}`));
    else task?.resolve(value!);
    dispatch();
  });
  // A thread that dies takes only its own job with it; the next job starts a new thread.
  thread.worker.on("error", (error) => failThread(thread, error));
  thread.worker.on("exit", () => failThread(thread, new Error("bcrypt worker exited")));
  threads.push(thread);
  return thread;
}

function failThread(thread: Thread, error: Error): void {
  const index = threads.indexOf(thread);
  if (index === -1) return;
  threads.splice(index, 1);
  for (const [id, task] of pending) {
    if (task.thread !== thread) continue;
    pending.delete(id);
    task.reject(error);
  }
  dispatch();
}
