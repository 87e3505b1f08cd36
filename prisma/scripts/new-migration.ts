// `npm run db:migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the existing migrations to prisma/schema.prisma, computed by
// replaying them on a throwaway in-memory PGlite. No database server needed.
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema } from "@/lib/db/migrations/diff";
import { MIGRATION_LOCK, MIGRATIONS_DIR } from "@/lib/db/migrations/folder";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration:new -- <name>   (e.g. add_item_tags)");
  process.exit(1);
}

// Prisma's own naming (UTC YYYYMMDDHHMMSS), so `prisma migrate` tools order them alike.
const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

try {
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  const lockfile = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  await access(lockfile).catch(() => writeFile(lockfile, MIGRATION_LOCK));
  const sql = await diffMigrationsToSchema();
  if (sql === "") {
    console.log("No changes: the migrations already match prisma/schema.prisma.");
  } else {
    const dir = path.join(MIGRATIONS_DIR, `${timestamp}_${name}`);
    await mkdir(dir);
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql; review it, then npm run db:migrate.`);
  }
} catch (error) {
  console.error(error instanceof Error && error.name === "MigrationError" ? error.message : error);
  process.exit(1);
}
