import { PrismaPg } from "@prisma/adapter-pg";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditEventInput } from "@/lib/audit/events";
import { purgeAuditTrail } from "@/lib/audit/retention";
import { appendEventSql, recordEvent } from "@/lib/audit/trail";
import { verifyChain } from "@/lib/audit/verify";

const userId = "0193a000-0000-7000-8000-000000000001";
const login = (n: number, outcome: "success" | "failure" = "success"): AuditEventInput => ({
  type: "login",
  outcome,
  actor: { kind: "user", id: userId },
  targetId: userId,
  ip: "203.0.113.7",
  userAgent: `Agent ${n}`,
  details: outcome === "failure" ? { why: "wrong_password", attempt: n } : null,
});

async function record(count: number): Promise<bigint> {
  for (let n = 0; n < count; n++) await recordEvent(login(n, n % 2 ? "failure" : "success"));
  const db = await getDb();
  return (await db.auditChain.findUniqueOrThrow({ where: { id: 1 } })).seq;
}

/** What an attacker with the database's credentials does: triggers off, for one transaction. */
async function tamper(...statements: ((db: PrismaClient) => ReturnType<PrismaClient["$executeRaw"]>)[]) {
  const db = await getDb();
  await db.$transaction([db.$executeRaw`SET LOCAL session_replication_role = replica`, ...statements.map((s) => s(db))]);
}

// Every test starts from an empty trail (the file shares one database): triggers off, as tamper() does.
beforeEach(async () => {
  await tamper(
    (db) => db.$executeRaw`DELETE FROM audit_events`,
    (db) => db.$executeRaw`DELETE FROM audit_checkpoints`,
    (db) => db.$executeRaw`UPDATE audit_chain SET seq = 0, hash = decode(repeat('00', 32), 'hex')`,
  );
});

const broken = async () => {
  const report = await verifyChain();
  if (report.ok) throw new Error("expected the chain to be broken");
  return report;
};

describe("the audit trail's chain", () => {
  it("verifies after events are recorded, each hash computed by the database as the verifier computes it", async () => {
    const head = await record(5);
    const report = await verifyChain();
    expect(report).toMatchObject({ ok: true, events: Number(head) });
  });

  it("stays one unbroken chain when many events are appended at once", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, n) => recordEvent(login(n))));
    expect(await verifyChain()).toMatchObject({ ok: true });
  });

  it("names an event whose content was edited", async () => {
    const head = await record(6);
    const victim = head - 3n;
    await tamper((db) => db.$executeRaw`UPDATE audit_events SET ip = '198.51.100.1' WHERE seq = ${victim}`);
    expect(await broken()).toMatchObject({ seq: victim, problem: expect.stringContaining("was changed") });
  });

  it("names an event that was removed", async () => {
    const head = await record(6);
    const victim = head - 2n;
    await tamper((db) => db.$executeRaw`DELETE FROM audit_events WHERE seq = ${victim}`);
    expect(await broken()).toMatchObject({ seq: victim, problem: expect.stringContaining("missing") });
  });

  it("names the first of two events that were swapped", async () => {
    const head = await record(6);
    const [a, b] = [head - 4n, head - 3n];
    await tamper(
      (db) => db.$executeRaw`UPDATE audit_events SET seq = -1 WHERE seq = ${a}`,
      (db) => db.$executeRaw`UPDATE audit_events SET seq = ${a} WHERE seq = ${b}`,
      (db) => db.$executeRaw`UPDATE audit_events SET seq = ${b} WHERE seq = -1`,
    );
    expect(await broken()).toMatchObject({ seq: a });
  });

  it("notices the newest events removed, by the head that still points past them", async () => {
    const head = await record(4);
    await tamper((db) => db.$executeRaw`DELETE FROM audit_events WHERE seq >= ${head - 1n}`);
    expect(await broken()).toMatchObject({ seq: head - 1n, problem: expect.stringContaining("removed") });
  });
});

describe("the database", () => {
  it("refuses to update, delete or truncate an event", async () => {
    await record(2);
    const db = await getDb();
    await expect(db.$executeRaw`UPDATE audit_events SET reason = 'edited'`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_events`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE audit_events`).rejects.toThrow(/append-only/);
    expect(await verifyChain()).toMatchObject({ ok: true });
  });

  it("keeps no event of a change whose transaction rolled back, and the chain's head where it was", async () => {
    const head = await record(1);
    const db = await getDb();
    await expect(
      db.$transaction(async (tx) => {
        await recordEvent(login(99), tx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await db.auditChain.findUniqueOrThrow({ where: { id: 1 } })).seq).toBe(head);
    expect(await verifyChain()).toMatchObject({ ok: true });
  });
});

describe("retention", () => {
  it("purges events past AUDIT_RETENTION_DAYS, and the chain starts from the checkpoint it leaves", async () => {
    const db = await getDb();
    const old = new Date(Date.now() - 400 * 86_400_000);
    for (let n = 0; n < 3; n++) await db.$executeRaw(appendEventSql(login(n), old));
    const keptFrom = (await db.auditChain.findUniqueOrThrow({ where: { id: 1 } })).seq + 1n;
    await record(2);

    const purged = await purgeAuditTrail();
    expect(purged).toBeGreaterThanOrEqual(3);
    expect(await db.auditEvent.count({ where: { at: { lt: new Date(Date.now() - 365 * 86_400_000) } } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { seq: keptFrom } })).not.toBeNull();
    expect(await db.auditEvent.findFirst({ where: { type: "audit_purged" } })).toMatchObject({ actorType: "system" });
    expect(await verifyChain()).toMatchObject({ ok: true, from: keptFrom - 1n });
    // Nothing was due the second time.
    expect(await purgeAuditTrail()).toBe(0);
  });

  it("refuses the purge's delete outside the purge", async () => {
    const db = await getDb();
    await db.$executeRaw(appendEventSql(login(1), new Date(Date.now() - 400 * 86_400_000)));
    await expect(db.$executeRaw`DELETE FROM audit_events WHERE at < now() - interval '365 days'`).rejects.toThrow(/append-only/);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("two instances", () => {
  it("append to one chain at the same moment without breaking it", async () => {
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 5 }) });
    const db = await getDb();
    try {
      await Promise.all(
        Array.from({ length: 60 }, (_, n) => (n % 2 ? other : db).$executeRaw(appendEventSql(login(n)))),
      );
    } finally {
      await other.$disconnect();
    }
    const numbers = (await db.auditEvent.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(numbers.length).toBeGreaterThanOrEqual(60);
    expect(numbers.every((seq, i) => i === 0 || seq === (numbers[i - 1] ?? 0n) + 1n)).toBe(true);
    expect(await verifyChain()).toMatchObject({ ok: true });
  });
});
