// What a server instance does when it starts (instrumentation.ts), before its first
// request: the configuration is checked, so a bad variable stops start-up with one line
// naming it, not a stack trace at the first request; the embedded database gets its one
// owner and the app's files their modes. Under `npm start` server.ts has done both in the
// primary already; this covers its worker, `npm run dev`, `next start` and Vercel's functions.
import "server-only";

const ONE_LINE_ERRORS = ["ConfigError", "DatabaseInUseError"];

export async function checkConfigurationAtStart(): Promise<void> {
  try {
    await import("@/lib/env");
    await takeLocalData();
  } catch (error) {
    if (!(error instanceof Error && ONE_LINE_ERRORS.includes(error.name))) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * Makes this process the embedded database's one owner (or its primary's worker), then
 * what the app keeps on disk its user's alone, a tree made earlier included
 * (docs/decisions/0025-embedded-database-owner.md). Throws DatabaseInUseError, one line
 * naming the owner, while another process owns the database.
 */
export async function takeLocalData(): Promise<void> {
  const { env } = await import("@/lib/env");
  // Vercel's disk is read-only, and there the app runs on PostgreSQL and SMTP alone.
  if (env.VERCEL) return;
  const { holdConfiguredDatabase } = await import("@/lib/db/connect");
  await holdConfiguredDatabase();
  const { keepNewFilesPrivate, makePrivate, LOCAL_DATA_DIR } = await import("@/lib/db/private-files");
  keepNewFilesPrivate();
  for (const dir of new Set([LOCAL_DATA_DIR, env.MAIL_OUTBOX_DIR])) makePrivate(dir);
}

const PURGE_EVERY_MS = 3600 * 1000;

/**
 * Deletes stale auth rows every hour while a long-running server is up (lib/auth/accounts/purge.ts).
 * Every worker does it, at its own moment within the hour; the deletes are idempotent. Not
 * on Vercel, whose functions do not live for hours: there `npm run db:purge` is scheduled.
 */
export async function startPurgeSchedule(): Promise<void> {
  const { env } = await import("@/lib/env");
  if (env.VERCEL || env.NODE_ENV === "test") return;
  const { purgeStaleRows } = await import("@/lib/auth/accounts/purge");
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
  const { revocations } = await import("@/lib/auth/sessions/revocation-view");
  void revocations.ensureStarted();
}

/**
 * With JWT_ALG ES256 or EdDSA: a first key when there is none that signs, then the key set
 * loaded and listened for, before the first request.
 */
export async function startSigningKeys(): Promise<void> {
  const { ensureSigningKey, keySet } = await import("@/lib/auth/identity/signing-keys");
  await ensureSigningKey();
  await keySet.ensureStarted();
}
