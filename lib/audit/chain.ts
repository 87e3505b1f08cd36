// The hash chain of the audit trail. Each event's hash is SHA-256 over the previous hash,
// the event's sequence number and its canonical content, so any change to a stored event,
// a removed one or two swapped ones gives a different hash from there on. The database
// computes the same hash when it appends (lib/audit/trail.ts), from the canonical text
// built here; the verifier (lib/audit/verify.ts) builds it again from the stored row.
import "server-only";
import { createHash } from "node:crypto";

/** Where the chain starts: sequence 0, 32 zero bytes (the audit_trail migration writes it). */
export const GENESIS = { seq: 0n, hash: Buffer.alloc(32) } as const;

/** An event as stored: what the canonical text is built from. */
export type StoredFields = {
  at: Date;
  type: string;
  outcome: string;
  actorType: string;
  actorId: string | null;
  targetId: string | null;
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
  details: unknown;
};

/** JSON with object keys sorted at every depth: jsonb does not keep the order they were written in. */
function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedJson((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

const id = (value: string | null) => (value === null ? null : value.toLowerCase());

/** One line that names every stored field of the event, in a fixed order. */
export function canonical(fields: StoredFields): string {
  return JSON.stringify([
    fields.at.toISOString(),
    fields.type,
    fields.outcome,
    fields.actorType,
    id(fields.actorId),
    id(fields.targetId),
    id(fields.sessionId),
    fields.ip,
    fields.userAgent,
    fields.reason,
    fields.details === undefined ? null : sortedJson(fields.details),
  ]);
}

/** The hash of event `seq` after `previous`, as the append statement computes it in SQL. */
export function chainHash(previous: Uint8Array, seq: bigint, canonicalText: string): Buffer {
  return createHash("sha256").update(previous).update(`${seq}:${canonicalText}`, "utf8").digest();
}
