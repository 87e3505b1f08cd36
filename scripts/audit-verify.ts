// `npm run audit:verify`: walks the audit trail's hash chain (lib/audit/verify.ts) and
// exits 0 with the head's number and hash, or 1 naming the first event that was edited,
// removed or reordered. Record the printed head somewhere the database's users cannot
// write (a ticket, a log service): a later run that passes must reach past it with the
// same hash at that number, which also catches a trail rewritten from the start.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

try {
  // Imported only now: lib/env reads the variables the .env files just provided.
  const { verifyChain } = await import("@/lib/audit/verify");
  const { closeDb } = await import("@/lib/db");
  const report = await verifyChain();
  await closeDb();
  if (report.ok) {
    const from = report.from === 0n ? "its start" : `the checkpoint at event ${report.from}`;
    console.log(`Audit trail intact: ${report.events} events from ${from}; head ${report.head.seq} ${report.head.hash}.`);
  } else {
    console.error(`Audit trail broken at event ${report.seq}: ${report.problem} (${report.events} events before it are intact).`);
    process.exit(1);
  }
} catch (error) {
  const name = error instanceof Error ? error.name : "";
  if (name === "DatabaseInUseError") console.error((error as Error).message);
  else console.error(name === "ConfigError" ? `Audit verification failed: ${(error as Error).message}` : error);
  process.exit(1);
}
