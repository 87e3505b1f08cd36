// Runs before every test file, before the file imports any app module (lib/env reads the
// environment once, at its first import, so everything here is set first).
//
// Each test file gets its own fresh database:
//  - by default an in-memory PGlite that lib/db opens on the file's first query, as a copy
//    of the migrated empty database that tests/setup/pglite-template.ts dumps once per run;
//  - with TEST_DATABASE_URL (a PostgreSQL server), a database created for the file, migrated
//    here, and dropped after it.
//
// A console.error during a test fails the test. A test that expects one takes it over:
//   vi.spyOn(console, "error").mockImplementation(() => {});
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { format } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, afterEach, beforeEach, inject, type MockInstance, vi } from "vitest";
import { applyMigrations } from "@/lib/db/migrations/apply";
import { setInMemoryTemplate } from "@/lib/db/pglite";

Object.assign(process.env, {
  NODE_ENV: "test",
  JWT_SECRET: "test-only-secret-that-is-at-least-32-bytes-long",
  // bcrypt's floor: a login costs milliseconds instead of a quarter second.
  BCRYPT_COST: "4",
  // The tests in tests/auth sign this address up to get an admin.
  ADMIN_EMAILS: "admin@example.com,root@example.com",
  // Without SMTP_URL mail is written here; a test about mail brings its own SMTP server.
  MAIL_OUTBOX_DIR: path.join(tmpdir(), `jwt-items-test-outbox-${process.pid}`),
});

// Never a developer's own DATABASE_URL: only a server named for tests, or none.
const server = process.env.TEST_DATABASE_URL;
const testDatabase = server ? await createDatabase(server) : undefined;
if (testDatabase) {
  process.env.DATABASE_URL = testDatabase.url;
  await applyMigrations(new PrismaPg({ connectionString: testDatabase.url, max: 1 }));
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
  const template = inject("pgliteTemplate");
  if (template) setInMemoryTemplate(new Blob([await readFile(template)]));
}

afterAll(async () => {
  // Work a test left running after its response (a signup's verification mail) finishes
  // first, as it does when a server stops: never against a closed database.
  const { backgroundSettled } = await import("@/lib/background/pending");
  await backgroundSettled();
  const { closeDb } = await import("@/lib/db");
  await closeDb();
  await testDatabase?.drop();
});

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error");
});
afterEach(() => {
  const expected = consoleError.getMockImplementation() !== undefined;
  const calls = consoleError.mock.calls.map((args) => format(...args));
  consoleError.mockRestore();
  if (!expected && calls.length > 0) {
    throw new Error(`console.error was called during the test:\n${calls.join("\n")}`);
  }
});

async function createDatabase(serverUrl: string) {
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const drop = async () => {
    // pg's pool.end() resolves before its connections have said goodbye: one that a FORCE
    // drop ends meanwhile raises an error nobody listens for, failing the run. Wait a little.
    for (let i = 0; i < 100 && (await onServer(serverUrl, "SELECT 1 FROM pg_stat_activity WHERE datname = $1", [name])) > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // FORCE (PostgreSQL 13+) ends connections a test left open.
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  return { url: url.toString(), drop };
}

/** Runs one statement on the server's own database; the number of rows it answered. */
async function onServer(serverUrl: string, sql: string, values: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}
