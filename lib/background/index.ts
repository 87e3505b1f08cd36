// Work that runs after the response: mail, and what leads to it. Inside a request, Next's
// `after()` keeps a serverless function alive until the work is done (Vercel would freeze
// it with the response); outside one (tests, scripts) the work simply runs on. A failure
// is logged, never thrown at a caller who has already been answered.
import "server-only";
import { after } from "next/server";
import { pending } from "@/lib/background/pending";

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
