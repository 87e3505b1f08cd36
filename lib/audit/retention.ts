// Retention: events older than AUDIT_RETENTION_DAYS are deleted, and the chain then starts
// from a checkpoint holding the last deleted event's number and hash, written in the same
// transaction. The delete is the only one the database allows on the trail (the
// audit_trail migration's trigger lets it through only with audit.purge set for this
// transaction). The purge itself is an event of the trail.
import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { appendEventSql } from "@/lib/audit/trail";

const DAY_MS = 24 * 3600 * 1000;

/** Deletes events past retention; the number deleted (0 when none were due). */
export async function purgeAuditTrail(now = new Date()): Promise<number> {
  const db = await getDb();
  const before = new Date(now.getTime() - env.AUDIT_RETENTION_DAYS * DAY_MS);
  return db.$transaction(async (tx) => {
    // The newest event past retention: everything up to it goes (numbers are in time order).
    const last = await tx.auditEvent.findFirst({ where: { at: { lt: before } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    if (!last) return 0;
    await tx.auditCheckpoint.create({ data: { seq: last.seq, hash: last.hash, purgedBefore: before } });
    await tx.$queryRaw`SELECT set_config('audit.purge', 'on', true)`;
    const deleted = await tx.$executeRaw`DELETE FROM audit_events WHERE seq <= ${last.seq}`;
    await tx.$queryRaw`SELECT set_config('audit.purge', 'off', true)`;
    await tx.$executeRaw(
      appendEventSql({ type: "audit_purged", actor: { kind: "system" }, details: { events: deleted, before: before.toISOString() } }, now),
    );
    return deleted;
  });
}
