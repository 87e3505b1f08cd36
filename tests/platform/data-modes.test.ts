// What the app keeps under .data/ is its own user's alone, set at every start
// (docs/decisions/0025-embedded-database-owner.md). Real processes, each in a directory
// of its own with the default layout: .data/pglite, .data/outbox.
import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inNewProcess } from "../helpers/child-process";

// A server instance's start as Next runs it (instrumentation.ts), then a write, which makes
// new files in the database, and a mail to the outbox.
const START = `const { register } = await import("./instrumentation.ts");
  await register();
  const { getDb, closeDb } = await import("./lib/db/index.ts");
  const db = await getDb();
  await db.user.create({ data: { email: "modes-" + Date.now() + "@example.com", passwordHash: "x" } });
  const { deliver } = await import("./lib/mail/transport.ts");
  await deliver({ to: "modes@example.com", subject: "Hello", text: "Hi", html: "<p>Hi</p>" });
  await closeDb();`;

/** Every path under `dir` whose mode is not 0700 (directories) or 0600 (files), with its mode. */
function loosePaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).flatMap((entry) => {
    const stat = statSync(path.join(dir, entry));
    const mode = stat.mode & 0o777;
    return mode === (stat.isDirectory() ? 0o700 : 0o600) ? [] : [`${entry} ${mode.toString(8)}`];
  });
}

function loosen(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, entry);
    chmodSync(file, statSync(file).isDirectory() ? 0o755 : 0o666);
  }
}

let root: string;
const start = () =>
  inNewProcess(START, { DATABASE_URL: "", PGLITE_DATA_DIR: ".data/pglite", MAIL_OUTBOX_DIR: ".data/outbox", NEXT_RUNTIME: "nodejs" }, root);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "jwt-items-modes-"));
  // The app finds its packages and migrations from its working directory (lib/db/migrations).
  for (const name of ["node_modules", "prisma"]) symlinkSync(path.resolve(name), path.join(root, name));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the modes of .data", () => {
  it("makes every directory under .data 0700 and every file 0600 on a first start under the usual umask", async () => {
    await start();
    expect(statSync(path.join(root, ".data")).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.join(root, ".data/outbox"))).toHaveLength(1);
    expect(loosePaths(path.join(root, ".data"))).toEqual([]);
  }, 120_000);

  it("tightens a tree made earlier with 0755 directories and 0666 files at the next start", async () => {
    mkdirSync(path.join(root, ".data/other"), { recursive: true });
    writeFileSync(path.join(root, ".data/other/notes.txt"), "x");
    loosen(path.join(root, ".data"));
    expect(loosePaths(path.join(root, ".data")).length).toBeGreaterThan(900);
    await start();
    expect(loosePaths(path.join(root, ".data"))).toEqual([]);
  }, 120_000);
});
