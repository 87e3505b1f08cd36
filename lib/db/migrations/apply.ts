// The migration runner: applies prisma/migrations to PostgreSQL or PGlite through Prisma's
// schema engine (WebAssembly, no native binary to download). It keeps `_prisma_migrations`
// exactly as `prisma migrate deploy` does.
import "server-only";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { NO_FILTERS, withEngine } from "./engine";
import { MIGRATIONS_DIR, readMigrations } from "./folder";

/** Applies every migration not applied yet; returns their names (empty when up to date). */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir = MIGRATIONS_DIR,
): Promise<string[]> {
  const migrationsList = await readMigrations(migrationsDir);
  return withEngine(wholeScripts(adapterFactory), async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
}

type PgAdapter = SqlDriverAdapter & { client?: { query: (sql: string) => Promise<unknown> } };

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it at every ";", which
 * breaks any statement with a ";" inside it, such as a PL/pgSQL function body. The native
 * engine of `prisma migrate deploy` sends the script whole, and so does this: one simple
 * query, which PostgreSQL runs statement by statement in one implicit transaction.
 */
function wholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  if (factory.adapterName !== "@prisma/adapter-pg") return factory;
  const connect = factory.connect.bind(factory);
  return Object.assign(Object.create(factory) as SqlMigrationAwareDriverAdapterFactory, {
    connect: async () => {
      const adapter = (await connect()) as PgAdapter;
      const client = adapter.client;
      if (client) adapter.executeScript = async (script) => void (await client.query(script));
      return adapter;
    },
  });
}
