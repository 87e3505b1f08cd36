// Work that runs after the response: mail, and what leads to it. Inside a request, Next's
// `after()` keeps a serverless function alive until the work is done (Vercel would freeze
// it with the response); outside one (tests, scripts) the work simply runs on. A failure
// is logged, never thrown at a caller who has already been answered.
import { after } from "next/server";

// On globalThis: Next may load this module once per route bundle, and a stopping server
// (lib/server/serve.ts) must see all the work still under way.
const globals = globalThis as { __background?: Set<Promise<void>> };
const pending = (globals.__background ??= new Set<Promise<void>>());

export function inBackground(label: string, task: () => Promise<void>): void {
  const running = Promise.resolve()
    .then(task)
    .catch((error: unknown) => console.error(`${label} failed:`, error))
    .finally(() => pending.delete(running));
  pending.add(running);
  try {
    after(() => running);
  } catch {
    // Outside a request scope: nothing to keep alive.
  }
}

/** Resolves when all background work has finished, including work it started (tests, graceful shutdown). */
export async function backgroundSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}
