// Vitest global setup: once per run, a migrated empty PGlite database, dumped to a file
// that every test file loads as its own in-memory database (tests/setup/database.ts).
// Loading the dump costs about 1 s of CPU per file; initdb and migrating cost about 3.5 s.
// The dump is built by the same engine and migrations as anything else, and cached by
// their content, so it is rebuilt exactly when a migration or a package version changes.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrations/apply";
import { MIGRATIONS_DIR } from "@/lib/db/migrations/folder";
import { pgliteAdapterFactory } from "@/lib/db/pglite";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PGlite dumpDataDir file of the migrated, empty database; unset on PostgreSQL runs. */
    pgliteTemplate?: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) return;
  const file = path.join(process.cwd(), "node_modules", ".cache", "pglite-template", `${await contentKey()}.tar.gz`);
  const cached = await stat(file).then(
    () => true,
    () => false,
  );
  if (!cached) await buildTemplate(file);
  project.provide("pgliteTemplate", file);
}

async function buildTemplate(file: string) {
  const db = await PGlite.create();
  try {
    await applyMigrations(pgliteAdapterFactory(db));
    const dump = await db.dumpDataDir("gzip");
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside, then renamed: a parallel run never loads half a file.
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await db.close();
  }
}

async function contentKey(): Promise<string> {
  const hash = createHash("sha256");
  for (const pkg of ["@electric-sql/pglite", "@prisma/schema-engine-wasm"]) {
    hash.update(await readFile(path.join(process.cwd(), "node_modules", pkg, "package.json")));
  }
  for (const entry of (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    hash.update(`${entry.name}\n`);
    hash.update(await readFile(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 16);
}
