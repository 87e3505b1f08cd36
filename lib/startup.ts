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
