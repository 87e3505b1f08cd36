// The throwaway PostgreSQL database that the checked build migrates: made on the server at
// VERCEL_CHECK_PG_URL (default: the local one) and dropped afterwards.
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type ThrowawayDatabase = {
  /** Its connection string, with a password that the check looks for in the output. */
  url: string;
  /** The names of the migrations recorded as finished in `_prisma_migrations`. */
  appliedMigrations: () => Promise<string[]>;
  drop: () => Promise<void>;
};

export async function createThrowawayDatabase(serverUrl: string): Promise<ThrowawayDatabase> {
  const name = `vercel_check_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // A server that trusts local connections never asks for it; it is there so that a
  // connection string's password is among the secrets looked for in the output.
  if (!url.password) url.password = randomBytes(12).toString("hex");
  return {
    url: url.toString(),
    appliedMigrations: () => finishedMigrations(url.toString()),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The migration folders of prisma/migrations, which the build must have applied. */
export async function migrationNames(repo: string): Promise<string[]> {
  const entries = await readdir(path.join(repo, "prisma", "migrations"), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function finishedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    return rows.map((row) => row.migration_name);
  } catch {
    return []; // no _prisma_migrations table: nothing was migrated
  } finally {
    await client.end();
  }
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
