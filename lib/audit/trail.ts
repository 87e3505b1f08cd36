// Appends events to the audit trail. One statement moves the chain's head and inserts the
// event with the hash the database computes from the head's previous hash: the head's row
// lock orders appends from every instance, and is held only for that statement (or, inside
// a transaction, until it commits: append last). Pass a transaction client to record an
// event in the same transaction as the change it describes (both commit, or neither).
import "server-only";
import { getDb, Prisma, type PrismaClient } from "@/lib/db";
import { canonical, type StoredFields } from "@/lib/audit/chain";
import type { AuditEventInput } from "@/lib/audit/events";

type Querier = Pick<PrismaClient, "$executeRaw">;

/** Column limits: an event's text is cut to them before it is hashed, so what is stored is what was hashed. */
const LIMITS = { userAgent: 512, reason: 500, ip: 64 } as const;

const cut = (text: string | null | undefined, max: number) => (text ? text.slice(0, max) : null);

/** The row an input becomes, exactly as it will be stored (and so hashed). */
export function storedFields(event: AuditEventInput, at = new Date()): StoredFields {
  const { actor } = event;
  return {
    at: new Date(at.getTime()),
    type: event.type,
    outcome: event.outcome ?? "success",
    actorType: actor.kind,
    actorId: actor.kind === "system" ? null : actor.id,
    targetId: event.targetId ?? null,
    sessionId: event.sessionId ?? null,
    ip: cut(event.ip, LIMITS.ip),
    userAgent: cut(event.userAgent, LIMITS.userAgent),
    reason: cut(event.reason, LIMITS.reason),
    details: event.details ?? null,
  };
}

/** The append, as SQL a caller may run on its own or inside its transaction. */
export function appendEventSql(event: AuditEventInput, at = new Date()): Prisma.Sql {
  // Data-modifying CTEs run whether or not the final SELECT reads them.
  return Prisma.sql`WITH ${appendEventCtes(event, null, at)} SELECT 1`;
}

/**
 * The append as two CTEs of another statement. With a `gate`, they happen only if the CTE
 * of that name returned a row: a session's creation and its sign-in event commit together, and a
 * statement that stores nothing records nothing (and leaves no gap in the chain).
 */
export function appendEventCtes(event: AuditEventInput, gate: "session" | null, at = new Date()): Prisma.Sql {
  const f = storedFields(event, at);
  const details = f.details === null ? null : JSON.stringify(f.details);
  return Prisma.sql`
    audit_head AS (
      UPDATE audit_chain
      SET seq = audit_chain.seq + 1,
        hash = sha256(audit_chain.hash || convert_to((audit_chain.seq + 1)::text || ':' || ${canonical(f)}, 'UTF8'))
      ${gate ? Prisma.sql`FROM (SELECT 1 FROM ${Prisma.raw(gate)} LIMIT 1) AS gate` : Prisma.empty}
      WHERE audit_chain.id = 1
      RETURNING audit_chain.seq, audit_chain.hash
    ), audit_event AS (
      INSERT INTO audit_events
        (seq, hash, at, type, outcome, actor_type, actor_id, target_id, session_id, ip, user_agent, reason, details)
      SELECT seq, hash, ${f.at}, ${f.type}, ${f.outcome}, ${f.actorType}, ${f.actorId}::uuid, ${f.targetId}::uuid,
        ${f.sessionId}::uuid, ${f.ip}, ${f.userAgent}, ${f.reason}, ${details}::jsonb
      FROM audit_head
    )`;
}

/** Where a request came from, as an event records it. */
export const requestOrigin = (context: { clientAddress: string; userAgent: string | null }) => ({
  ip: context.clientAddress,
  userAgent: context.userAgent,
});

/** Records one event, on its own or in the caller's transaction. */
export async function recordEvent(event: AuditEventInput, db?: Querier): Promise<void> {
  const querier = db ?? (await getDb());
  await querier.$executeRaw(appendEventSql(event));
}
