// What a session has proved and when: its assurance level (`aal`), the methods (`amr`) and
// the time of the last proof (`auth_time`). Stored on the session row, and read from there
// when a sensitive action is decided: a token's claims only describe them, and stay as they
// were for up to ACCESS_TOKEN_TTL after a change (docs/decisions/0032-second-factors.md).
import "server-only";
import { getDb } from "@/lib/db";
import type { AuthMethod } from "@/lib/generated/prisma/enums";

export type { AuthMethod };
export type Assurance = { aal: 1 | 2; amr: AuthMethod[]; authTime: Date };

type Row = { aal: number; amr: AuthMethod[]; auth_time: Date };
const toAssurance = (row: Row): Assurance => ({ aal: row.aal >= 2 ? 2 : 1, amr: row.amr, authTime: row.auth_time });

/** A live session's assurance; null for an ended or unknown one. */
export async function readAssurance(sessionId: string, userId: string): Promise<Assurance | null> {
  const db = await getDb();
  const row = await db.session.findFirst({
    where: { id: sessionId, userId, endedAt: null },
    select: { aal: true, amr: true, authTime: true },
  });
  return row ? toAssurance({ aal: row.aal, amr: row.amr, auth_time: row.authTime }) : null;
}

/** A live session's assurance and its end, for a new access token that describes it. */
export async function readProvedSession(sessionId: string, userId: string): Promise<(Assurance & { expiresAt: Date }) | null> {
  const db = await getDb();
  const row = await db.session.findFirst({
    where: { id: sessionId, userId, endedAt: null, expiresAt: { gt: new Date() } },
    select: { aal: true, amr: true, authTime: true, expiresAt: true },
  });
  return row ? { ...toAssurance({ aal: row.aal, amr: row.amr, auth_time: row.authTime }), expiresAt: row.expiresAt } : null;
}

/**
 * Records that the session just proved `method`: a fresh auth_time, the method among its amr,
 * and aal 2 for anything but a password. One statement; null when the session has ended or is
 * not the account's.
 */
export async function recordProof(sessionId: string, userId: string, method: AuthMethod): Promise<Assurance | null> {
  const db = await getDb();
  const [row] = await db.$queryRaw<Row[]>`
    UPDATE sessions SET
      auth_time = ${new Date()},
      aal = CASE WHEN ${method} = 'pwd' THEN aal ELSE 2 END,
      amr = CASE WHEN ${method}::"AuthMethod" = ANY(amr) THEN amr ELSE array_append(amr, ${method}::"AuthMethod") END
    WHERE id = ${sessionId}::uuid AND user_id = ${userId}::uuid AND ended_at IS NULL
    RETURNING aal, amr::text[] AS amr, auth_time`;
  return row ? toAssurance(row) : null;
}
