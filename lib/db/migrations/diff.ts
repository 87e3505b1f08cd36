// What SQL would take the migrations, or a live database, to schema.prisma: for writing a
// new migration (npm run db:migration:new) and for the test that they agree.
import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiffTarget, SchemaContainer } from "@prisma/schema-engine-wasm";
import { pgliteAdapterFactory } from "@/lib/db/pglite";
import { NO_FILTERS, withEngine } from "./engine";
import { MIGRATIONS_DIR, readMigrations, readSchema, SCHEMA_PATH } from "./folder";

/**
 * The SQL that takes a database built by the migrations to schema.prisma ("" when none),
 * computed by replaying them on a throwaway in-memory PGlite: no server needed.
 */
export async function diffMigrationsToSchema(migrationsDir = MIGRATIONS_DIR, schemaPath = SCHEMA_PATH): Promise<string> {
  const from: DiffTarget = { tag: "migrations", ...(await readMigrations(migrationsDir)) };
  const pglite = await PGlite.create();
  try {
    // The engine connects to its main database even when it only needs a shadow one;
    // a throwaway database can be its own shadow: one PGlite start (~2 s) instead of two.
    const factory = pgliteAdapterFactory(pglite);
    return await diffToSchema({ ...factory, connectToShadowDb: () => factory.connect() }, from, await readSchema(schemaPath));
  } finally {
    await pglite.close();
  }
}

/**
 * The SQL that takes the live database behind `adapterFactory` to schema.prisma ("" when
 * they match). Works on PGlite; @prisma/adapter-pg 7.10 cannot read the catalog's `"char"`
 * columns that the engine's introspection selects.
 */
export async function diffDatabaseToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaPath = SCHEMA_PATH,
): Promise<string> {
  const files = await readSchema(schemaPath);
  return diffToSchema(adapterFactory, { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) }, files);
}

async function diffToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  from: DiffTarget,
  files: SchemaContainer[],
): Promise<string> {
  const result = await withEngine(adapterFactory, (engine) =>
    // exitCode: the engine answers 2 when there is a difference, 0 when there is none.
    engine.diff({ from, to: { tag: "schemaDatamodel", files }, script: true, exitCode: true, filters: NO_FILTERS }),
  );
  return result.exitCode === 2 ? (result.stdout ?? "") : "";
}
