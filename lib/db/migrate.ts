// Applies pending migrations to the database the configuration names (lib/db/connect.ts).
// Used by `npm run db:migrate` and by server.ts before the port opens. It closes what it
// opens: a PGlite directory can be open in one place only, and the client opens it again.
import "server-only";
import { configuredDatabase, openDatabase } from "@/lib/db/connect";
import { isInMemory } from "@/lib/db/pglite";
import { applyMigrations } from "@/lib/db/migrations/apply";

export type MigrateResult = { target: string; applied: string[] };

export async function migrateConfiguredDatabase(): Promise<MigrateResult> {
  const target = configuredDatabase();
  // An in-memory database starts empty in every process; the client migrates it on open.
  if (target.kind === "pglite" && isInMemory(target.dataDir)) return { target: "PGlite (in memory)", applied: [] };
  const label = target.kind === "postgresql" ? postgresLabel(target.url) : `PGlite ${target.dataDir}`;
  const database = await openDatabase(target, { poolMax: 1 });
  try {
    return { target: label, applied: await applyMigrations(database.adapter) };
  } finally {
    await database.close();
  }
}

const postgresLabel = (url: string) => {
  const { host, pathname } = new URL(url);
  return `PostgreSQL ${host}${pathname}`;
};
