// Runs once when a server instance starts (Next's instrumentation hook). The Node-only
// part lives in its own module so the edge bundle never sees process.exit.
export async function register() {
  // NEXT_RUNTIME is Next's own marker, not configuration: skip the edge sandbox.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigurationAtStart, startPurgeSchedule, startRevocationListener, startSigningKeys } = await import("@/lib/startup");
  await checkConfigurationAtStart();
  await startRevocationListener();
  await startSigningKeys();
  await startPurgeSchedule();
}
