// The embedded database has one owner process (docs/decisions/0025-embedded-database-owner.md):
// every test here starts real processes on a data directory of its own.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inNewProcess, runEntry, startNewProcess } from "../helpers/child-process";

// A process that opens the database through lib/db, as the server does, stores each email
// it reads on stdin, says so once it is committed, and closes when stdin ends.
const OWNER = `const { getDb, closeDb } = await import("./lib/db/index.ts");
  const db = await getDb();
  console.log("opened");
  const readline = await import("node:readline");
  for await (const email of readline.createInterface({ input: process.stdin })) {
    await db.user.create({ data: { email, passwordHash: "x" } });
    console.log("stored " + email);
  }
  await closeDb();`;

const COUNT = `const { getDb, closeDb } = await import("./lib/db/index.ts");
  try { return await (await getDb()).user.count(); } finally { await closeDb(); }`;

const inUse = (dataDir: string, pid: number) =>
  new RegExp(`^The embedded database ${dataDir} is in use by process ${pid} \\(node .+\\); stop it first, or set DATABASE_URL$`);

let root: string;
let dataDir: string;
const env = () => ({ DATABASE_URL: "", PGLITE_DATA_DIR: dataDir });
const startOwner = () => startNewProcess(OWNER, env());

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "jwt-items-owner-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("one owner of the embedded database", () => {
  let n = 0;
  const freshDir = () => (dataDir = path.join(root, `db-${++n}`, "pglite"));

  it("refuses npm start, npm run dev, db:migrate and db:purge beside a running owner, with one line naming it, and the owner keeps its data", async () => {
    freshDir();
    const owner = startOwner();
    await owner.line(/^opened/);
    owner.child.stdin.write("before@example.com\n");
    await owner.line(/^stored before@/);

    const second = await Promise.all([
      runEntry("server.ts", [], env()),
      runEntry("server.ts", ["--dev"], env()),
      runEntry("prisma/scripts/migrate.ts", [], env()),
      runEntry("scripts/db-purge.ts", [], env()),
    ]);
    for (const exit of second) {
      expect(exit.code).toBe(1);
      expect(exit.stderr.trimEnd()).toMatch(inUse(dataDir, owner.child.pid!));
    }

    owner.child.stdin.write("after@example.com\n");
    await owner.line(/^stored after@/);
    owner.child.stdin.end();
    expect((await owner.exited).code).toBe(0);
    expect(await inNewProcess(COUNT, env())).toBe(2);
  }, 120_000);

  it("loses none of 20 acknowledged writes when its owner is killed with SIGKILL, and the next process takes over the lock", async () => {
    freshDir();
    const owner = startOwner();
    await owner.line(/^opened/);
    owner.child.stdin.write(Array.from({ length: 20 }, (_, i) => `durable-${i}@example.com\n`).join(""));
    await owner.line(/^stored durable-19@/);
    owner.child.kill("SIGKILL");
    expect((await owner.exited).signal).toBe("SIGKILL");
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    expect(await inNewProcess(COUNT, env())).toBe(20);
  }, 120_000);

  it("takes over a lock whose process id now belongs to another process (a reused pid)", async () => {
    freshDir();
    expect(await inNewProcess(COUNT, env())).toBe(0);
    // This test's own process is alive, but it started long after the lock says its owner did.
    const lock = { pid: process.pid, start: "1", boot: "", command: "node dist/server.js" };
    writeFileSync(`${dataDir}.lock`, JSON.stringify(lock));
    expect(await inNewProcess(COUNT, env())).toBe(0);
  }, 120_000);

  it("lets exactly one of two processes that open it at the same moment in", async () => {
    freshDir();
    const [a, b] = [startOwner(), startOwner()];
    const outcomes = await Promise.all(
      [a, b].map((p) => p.line(/^opened/).then(() => "opened", () => p.exited.then((exit) => exit.stderr.trim()))),
    );
    expect(outcomes.filter((o) => o === "opened")).toHaveLength(1);
    const winner = outcomes[0] === "opened" ? a : b;
    // This bare process lets the error escape; the entry points print its message alone (above).
    expect(outcomes.find((o) => o !== "opened")).toContain(`The embedded database ${dataDir} is in use by process ${winner.child.pid} (node `);
    winner.child.stdin.end();
    expect((await winner.exited).code).toBe(0);
  }, 120_000);
});

// Processes that claim the directory only when told to, so that they all try at once.
const CLAIMER = `const { claimDataDir } = await import("./lib/db/owner.ts");
  const readline = await import("node:readline");
  const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  console.log("ready");
  await lines.next();
  try { claimDataDir(process.env.PGLITE_DATA_DIR); console.log("won"); }
  catch (error) { console.log("lost " + error.message); }
  await lines.next();`;

describe("claiming the data directory at the same moment", () => {
  async function race(count: number): Promise<string[]> {
    const claimers = Array.from({ length: count }, () => startNewProcess(CLAIMER, env()));
    await Promise.all(claimers.map((c) => c.line(/^ready/)));
    for (const c of claimers) c.child.stdin.write("go\n");
    const outcomes = await Promise.all(claimers.map((c) => c.line(/^(won|lost)/)));
    for (const c of claimers) c.child.stdin.end();
    await Promise.all(claimers.map((c) => c.exited));
    return outcomes;
  }

  it("gives the directory to exactly one of four processes", async () => {
    dataDir = path.join(root, "race-fresh", "pglite");
    const outcomes = await race(4);
    expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
  }, 120_000);

  it("gives a stale lock to exactly one of four processes that all find it stale", async () => {
    dataDir = path.join(root, "race-stale", "pglite");
    mkdirSync(path.dirname(dataDir), { recursive: true });
    const dead = Number(execFileSync(process.execPath, ["-e", "console.log(process.pid)"]).toString());
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: dead, start: "1", boot: "", command: "node dist/server.js" }));
    const outcomes = await race(4);
    expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
  }, 120_000);
});
