// Runs once when a server instance starts (Next's instrumentation hook): the
// configuration is checked here so that a bad variable stops start-up with one line
// naming it, not a stack trace at the first request.
export async function register() {
  // NEXT_RUNTIME is Next's own marker, not configuration: skip the edge sandbox.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("@/lib/env");
  } catch (error) {
    if (!(error instanceof Error && error.name === "ConfigError")) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
