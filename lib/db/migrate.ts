// Applies pending migrations to the database the configuration names: PostgreSQL when
// DATABASE_URL is set, else the embedded PGlite directory. Used by `npm run db:migrate` and
// by server.ts before the port opens. It closes what it opens: a PGlite directory can be
// open in one place only, and lib/db opens it again for the app.
import { env } from "@/lib/env";
import { applyMigrations } from "./engine";
import { isInMemory, openPglite, pgliteAdapterFactory } from "./pglite";

export type MigrateResult = { target: string; applied: string[] };

export async function migrateConfiguredDatabase(): Promise<MigrateResult> {
  if (env.DATABASE_URL) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const url = new URL(env.DATABASE_URL);
    const factory = new PrismaPg({ connectionString: env.DATABASE_URL, max: 1, connectionTimeoutMillis: 5_000 });
    return { target: `PostgreSQL ${url.host}${url.pathname}`, applied: await applyMigrations(factory) };
  }
  // An in-memory database starts empty in every process; lib/db migrates it on open.
  if (isInMemory(env.PGLITE_DATA_DIR)) return { target: "PGlite (in memory)", applied: [] };
  const pglite = await openPglite(env.PGLITE_DATA_DIR);
  try {
    return { target: `PGlite ${env.PGLITE_DATA_DIR}`, applied: await applyMigrations(pgliteAdapterFactory(pglite)) };
  } finally {
    await pglite.close();
  }
}
