// Walks the audit trail's hash chain from its start (the genesis, or the checkpoint the
// last retention purge left) and names the first event that does not follow from the one
// before it: edited (its hash is not what its content gives), removed (a number is
// missing), or reordered (content moved between numbers breaks both). `npm run
// audit:verify` runs it. The head row (audit_chain) must end where the events end, so
// removing the newest events is caught too.
import "server-only";
import { getDb } from "@/lib/db";
import { canonical, chainHash, GENESIS } from "@/lib/audit/chain";

const BATCH = 1000;

export type ChainReport =
  | { ok: true; from: bigint; events: number; head: { seq: bigint; hash: string } }
  | { ok: false; seq: bigint; problem: string; events: number };

export async function verifyChain(): Promise<ChainReport> {
  const db = await getDb();
  const checkpoint = await db.auditCheckpoint.findFirst({ orderBy: { seq: "desc" } });
  const start = checkpoint ? { seq: checkpoint.seq, hash: Buffer.from(checkpoint.hash) } : GENESIS;
  let previous: { seq: bigint; hash: Buffer } = { seq: start.seq, hash: Buffer.from(start.hash) };
  let events = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { seq: { gt: previous.seq } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const row of rows) {
      const expectedSeq = previous.seq + 1n;
      if (row.seq !== expectedSeq) {
        return { ok: false, seq: expectedSeq, problem: `event ${expectedSeq} is missing (removed); the next one is ${row.seq}`, events };
      }
      const hash = chainHash(previous.hash, row.seq, canonical(row));
      if (!hash.equals(Buffer.from(row.hash))) {
        return { ok: false, seq: row.seq, problem: `event ${row.seq} was changed: its content does not give its hash`, events };
      }
      previous = { seq: row.seq, hash };
      events += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.auditChain.findUnique({ where: { id: 1 } });
  if (!head || head.seq !== previous.seq || !Buffer.from(head.hash).equals(previous.hash)) {
    const seq = previous.seq + 1n;
    return { ok: false, seq, problem: `the chain's head is at ${head?.seq ?? "nothing"}, but the events end at ${previous.seq}: event ${seq} onwards was removed`, events };
  }
  return { ok: true, from: start.seq, events, head: { seq: head.seq, hash: previous.hash.toString("hex") } };
}
