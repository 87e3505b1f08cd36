// Reading the trail: a user's own security activity (the last 90 days, failed attempts
// against the account included) and the admins' view of all of it. Newest first, paged by
// event number, so a page never shifts while new events arrive.
import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import type { AuditEventType } from "@/lib/audit/events";

const ACTIVITY_DAYS = 90;

type Page = { limit: number; cursor?: bigint };

const eventSelect = {
  seq: true,
  at: true,
  type: true,
  outcome: true,
  actorType: true,
  actorId: true,
  targetId: true,
  sessionId: true,
  ip: true,
  userAgent: true,
  reason: true,
  details: true,
} satisfies Prisma.AuditEventSelect;

async function page(where: Prisma.AuditEventWhereInput, { limit, cursor }: Page) {
  const db = await getDb();
  const rows = await db.auditEvent.findMany({
    where: { ...where, ...(cursor !== undefined ? { seq: { lt: cursor } } : {}) },
    orderBy: { seq: "desc" },
    take: limit + 1,
    select: eventSelect,
  });
  const shown = rows.slice(0, limit);
  return { rows: shown, nextCursor: rows.length > limit ? String(shown.at(-1)?.seq) : null };
}

/** Who did it, as the account's owner reads it: they themselves, an admin, or the app. */
const actorFor = (actorType: string) => (actorType === "admin" ? "admin" : actorType === "system" ? "system" : "self");

/** The account's own events of the last 90 days. */
export async function listActivity(userId: string, paging: Page) {
  const since = new Date(Date.now() - ACTIVITY_DAYS * 24 * 3600 * 1000);
  const { rows, nextCursor } = await page({ targetId: userId, at: { gte: since } }, paging);
  const events = rows.map((row) => {
    const actor = actorFor(row.actorType) as "self" | "admin" | "system";
    // An admin's own address and browser are theirs: the user reads that an admin acted.
    const seen = actor === "self";
    return {
      id: String(row.seq),
      at: row.at.toISOString(),
      type: row.type as AuditEventType,
      outcome: row.outcome as "success" | "failure",
      ip: seen ? row.ip : null,
      userAgent: seen ? row.userAgent : null,
      actor,
    };
  });
  return { events, nextCursor };
}

/** Every event, for admins: `user` keeps those where that user acted or was acted on. */
export async function listAuditEvents(filter: { user?: string; type?: AuditEventType } & Page) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.user ? { OR: [{ actorId: filter.user }, { targetId: filter.user }] } : {}),
    ...(filter.type ? { type: filter.type } : {}),
  };
  const { rows, nextCursor } = await page(where, filter);
  const events = rows.map((row) => ({
    id: String(row.seq),
    at: row.at.toISOString(),
    type: row.type as AuditEventType,
    outcome: row.outcome as "success" | "failure",
    ip: row.ip,
    userAgent: row.userAgent,
    actor: row.actorType as "user" | "admin" | "system",
    actorId: row.actorId,
    targetId: row.targetId,
    sessionId: row.sessionId,
    reason: row.reason,
    details: (row.details ?? null) as Record<string, string | number | boolean | null> | null,
  }));
  return { events, nextCursor };
}
