// The configuration is checked when a server instance starts (instrumentation.ts), so a
// bad variable stops start-up with one line naming it, not a stack trace at the first
// request. Under `npm start` server.ts has checked it already; this covers `next start`
// and Vercel's functions.
import "server-only";

export async function checkConfigurationAtStart(): Promise<void> {
  try {
    await import("@/lib/env");
  } catch (error) {
    if (!(error instanceof Error && error.name === "ConfigError")) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const PURGE_EVERY_MS = 3600 * 1000;

/**
 * Deletes stale auth rows every hour while a long-running server is up (lib/auth/purge.ts).
 * Every worker does it, at its own moment within the hour; the deletes are idempotent. Not
 * on Vercel, whose functions do not live for hours: there `npm run db:purge` is scheduled.
 */
export async function startPurgeSchedule(): Promise<void> {
  const { env } = await import("@/lib/env");
  if (env.VERCEL || env.NODE_ENV === "test") return;
  const { purgeStaleRows } = await import("@/lib/auth/purge");
  const run = () =>
    purgeStaleRows().catch((error: unknown) => console.error("Purging stale auth rows failed:", error));
  const first = setTimeout(() => {
    void run();
    setInterval(() => void run(), PURGE_EVERY_MS).unref();
  }, Math.random() * PURGE_EVERY_MS);
  first.unref();
}

/**
 * Starts listening for revoked sessions when the instance starts, not at its first
 * request: an instance that revokes a session answers once its own listener has heard it,
 * and a listener that is already in place makes that wait a fraction of a millisecond.
 */
export async function startRevocationListener(): Promise<void> {
  const { startRevocationView } = await import("@/lib/auth/revocations");
  void startRevocationView();
}
