import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { inNewProcess } from "../helpers/child-process";

// A separate Node process using lib/db the way the server does, with its own settings.
function inEmbeddedProcess(dataDir: string, code: string): Promise<unknown> {
  const body = `const { getDb, closeDb } = await import("./lib/db/index.ts"); const db = await getDb();
    try { ${code} } finally { await closeDb(); }`;
  return inNewProcess(body, { DATABASE_URL: "", PGLITE_DATA_DIR: dataDir });
}

describe("the embedded database", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "pglite-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("keeps its data when the process ends and a new one opens it", async () => {
    const dataDir = path.join(dir, "nested", "pglite");
    const created = await inEmbeddedProcess(
      dataDir,
      `return (await db.user.create({ data: { email: "kept@example.com", passwordHash: "x" } })).id;`,
    );
    const found = await inEmbeddedProcess(
      dataDir,
      `return (await db.user.findUnique({ where: { email: "kept@example.com" } }))?.id ?? null;`,
    );
    expect(found).toBe(created);
  }, 60_000); // two Node processes, one creating a database on disk
});

describe("the configured database", () => {
  it("answers queries, raw and through the models, and sees a row once it is written", async () => {
    const db = await getDb();
    const [row] = await db.$queryRaw<{ version: string }[]>`SELECT version()`;
    expect(row?.version).toMatch(/^PostgreSQL \d+/);
    const email = `counted-${crypto.randomUUID()}@example.com`;
    expect(await db.user.count({ where: { email } })).toBe(0);
    await db.user.create({ data: { email, passwordHash: "x" } });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("is the one client of the process, and a new one after closeDb", async () => {
    const db = await getDb();
    expect(await getDb()).toBe(db);
    await closeDb();
    const reopened = await getDb();
    expect(reopened).not.toBe(db);
    expect(await reopened.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("reports a duplicate as Prisma's P2002, which services turn into 409", async () => {
    const db = await getDb();
    const data = { email: `twice-${crypto.randomUUID()}@example.com`, passwordHash: "x" };
    await db.user.create({ data });
    await expect(db.user.create({ data })).rejects.toMatchObject({ code: "P2002" });
  });

  it("stores prices exactly", async () => {
    const db = await getDb();
    const owner = await db.user.create({ data: { email: `price-${crypto.randomUUID()}@example.com`, passwordHash: "x" } });
    const item = await db.item.create({ data: { ownerId: owner.id, name: "Pen", nameKey: "pen", price: "99999999.99" } });
    expect(item.price.toFixed(2)).toBe("99999999.99");
    const sum = await db.item.aggregate({ where: { ownerId: owner.id }, _sum: { price: true } });
    expect(sum._sum.price?.toString()).toBe("99999999.99");
  });

  it("is PostgreSQL at DATABASE_URL when one is set, else the embedded database", async () => {
    const db = await getDb();
    const [row] = await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    if (env.DATABASE_URL) expect(row?.name).toBe(new URL(env.DATABASE_URL).pathname.slice(1));
    else expect(row?.name).toBe("postgres");
  });
});
