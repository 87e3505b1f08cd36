// The configuration is checked when a server instance starts (instrumentation.ts), so a
// bad variable stops start-up with one line naming it, not a stack trace at the first
// request. Under `npm start` server.ts has checked it already; this covers `next start`
// and Vercel's functions.
export async function checkConfigurationAtStart(): Promise<void> {
  try {
    await import("@/lib/env");
  } catch (error) {
    if (!(error instanceof Error && error.name === "ConfigError")) throw error;
    console.error(error.message);
    process.exit(1);
  }
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
