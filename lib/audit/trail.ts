// Appends events to the audit trail. One statement moves the chain's head and inserts the
// event with the hash the database computes from the head's previous hash: the head's row
// lock orders appends from every instance, and is held only for that statement (or, inside
// a transaction, until it commits: append last). Pass a transaction client to record an
// event in the same transaction as the change it describes (both commit, or neither).
import "server-only";
import { getDb, Prisma, type PrismaClient } from "@/lib/db";
import { canonical, type StoredFields } from "@/lib/audit/chain";
import { LIMITS, type AuditEventInput } from "@/lib/audit/events";

type Querier = Pick<PrismaClient, "$executeRaw">;

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
  const f = storedFields(event, at);
  const details = f.details === null ? null : JSON.stringify(f.details);
  return Prisma.sql`
    WITH head AS (
      UPDATE audit_chain
      SET seq = seq + 1, hash = sha256(hash || convert_to((seq + 1)::text || ':' || ${canonical(f)}, 'UTF8'))
      WHERE id = 1
      RETURNING seq, hash
    )
    INSERT INTO audit_events
      (seq, hash, at, type, outcome, actor_type, actor_id, target_id, session_id, ip, user_agent, reason, details)
    SELECT seq, hash, ${f.at}, ${f.type}, ${f.outcome}, ${f.actorType}, ${f.actorId}::uuid, ${f.targetId}::uuid,
      ${f.sessionId}::uuid, ${f.ip}, ${f.userAgent}, ${f.reason}, ${details}::jsonb
    FROM head`;
}

/** Records one event, on its own or in the caller's transaction. */
export async function recordEvent(event: AuditEventInput, db?: Querier): Promise<void> {
  const querier = db ?? (await getDb());
  await querier.$executeRaw(appendEventSql(event));
}
