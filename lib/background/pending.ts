// The background work under way in this process, for whoever must wait for it: tests, and a
// stopping server. Apart from lib/background/index.ts (which imports Next's `after()`),
// so that the server entry can wait without loading Next's request-scope machinery, which
// cannot be loaded before Next has started.
// On globalThis: Next may load these modules once per route bundle, and the server entry
// is a bundle of its own.
import "server-only";

const globals = globalThis as { __background?: Set<Promise<void>> };
export const pending = (globals.__background ??= new Set<Promise<void>>());

/** Resolves when all background work has finished, including work it started. */
export async function backgroundSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}
