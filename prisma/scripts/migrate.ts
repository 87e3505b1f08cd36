// `npm run db:migrate`: applies pending migrations to the configured database (PostgreSQL
// with DATABASE_URL, else the embedded PGlite). Reads .env files as `npm start` does.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

try {
  // Imported only now: lib/env reads the variables the .env files just provided.
  const { migrateConfiguredDatabase } = await import("@/lib/db/migrate");
  const { target, applied } = await migrateConfiguredDatabase();
  if (applied.length === 0) console.log(`${target}: no pending migrations`);
  else console.log(`${target}: applied ${applied.length}\n${applied.map((name) => `  ${name}`).join("\n")}`);
} catch (error) {
  // A configuration or migration problem, or a database another process owns: one line,
  // no stack trace.
  const name = error instanceof Error ? error.name : "";
  const line = error instanceof Error ? error.message.replace(/\s*\n\s*/g, " ") : String(error);
  if (name === "DatabaseInUseError") console.error(line);
  else console.error(["ConfigError", "MigrationError"].includes(name) ? `Migration failed: ${line}` : error);
  process.exit(1);
}
