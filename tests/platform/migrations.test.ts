import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply";
import { diffDatabaseToSchema, diffMigrationsToSchema } from "@/lib/db/migrations/diff";
import { MIGRATIONS_DIR } from "@/lib/db/migrations/folder";
import { pgliteAdapterFactory } from "@/lib/db/pglite";

const migrationNames = async () =>
  (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

// The engine's schema diff needs PGlite: @prisma/adapter-pg cannot read the catalog's
// "char" columns. A fresh PGlite stands in for "a fresh database" on either setup.
describe("the migrations", () => {
  let fresh: PGlite;
  let applied: string[];
  beforeAll(async () => {
    fresh = await PGlite.create();
    applied = await applyMigrations(pgliteAdapterFactory(fresh));
  });
  afterAll(() => fresh.close());

  it("yield exactly what schema.prisma describes", async () => {
    expect(applied).toEqual(await migrationNames());
    const drift = await diffDatabaseToSchema(pgliteAdapterFactory(fresh));
    expect(drift, "schema.prisma changed without a migration: npm run db:migration:new -- <name>").toBe("");
  });

  it("apply once: a second run changes nothing", async () => {
    expect(await applyMigrations(pgliteAdapterFactory(fresh))).toEqual([]);
  });

  it("would show a change made outside them as drift", async () => {
    await fresh.exec("ALTER TABLE items ADD COLUMN colour text");
    try {
      expect(await diffDatabaseToSchema(pgliteAdapterFactory(fresh))).toContain('DROP COLUMN "colour"');
    } finally {
      await fresh.exec("ALTER TABLE items DROP COLUMN colour");
    }
  });

  it("leave nothing for db:migration:new to write", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });
});

describe("the configured database", () => {
  it("records every migration as finished, with the checksum prisma migrate deploy expects", async () => {
    const db = await getDb();
    const rows = await db.$queryRaw<{ name: string; checksum: string; finished: boolean; steps: number }[]>`
      SELECT migration_name AS name, checksum, finished_at IS NOT NULL AND rolled_back_at IS NULL AS finished,
             applied_steps_count AS steps
      FROM _prisma_migrations ORDER BY migration_name`;
    const names = await migrationNames();
    expect(rows.map((r) => r.name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.name, "migration.sql"));
      expect(row).toEqual({ name: row.name, finished: true, steps: 1, checksum: sha256(sql) });
    }
  });
});

describe("a migration that fails", () => {
  let dir: string;
  let db: PGlite;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, "99990101000000_broken"));
    await writeFile(
      path.join(dir, "99990101000000_broken", "migration.sql"),
      "CREATE TABLE half_done (id int);\nALTER TABLE no_such_table ADD COLUMN x int;\n",
    );
    db = await PGlite.create();
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("is reported with the database's message, rolled back, and not recorded as applied", async () => {
    await expect(applyMigrations(pgliteAdapterFactory(db), dir)).rejects.toThrow(
      'migration 99990101000000_broken failed: relation "no_such_table" does not exist',
    );
    expect((await db.query("SELECT to_regclass('half_done') AS t")).rows).toEqual([{ t: null }]);
    const { rows } = await db.query("SELECT finished_at FROM _prisma_migrations WHERE migration_name = $1", [
      "99990101000000_broken",
    ]);
    expect(rows).toEqual([{ finished_at: null }]);
  });
});

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
