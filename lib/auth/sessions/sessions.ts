// The only module that creates and ends sessions, and lists them for their owner. Each
// session holds one live refresh token (lib/auth/sessions/session-tokens.ts says what one is);
// trading it for its successor is lib/auth/sessions/refresh-tokens.ts. Every way of ending a
// session goes through endSessions(), so the revocation view always hears of it.
import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import type { AuthMethod } from "@/lib/generated/prisma/enums";
import { isUuid, newUuidV7 } from "@/lib/ids";
import { rememberLiveSession } from "@/lib/auth/sessions/live-sessions";
import { revocations } from "@/lib/auth/sessions/revocation-view";
import { expiryFrom, hashToken, newRefreshToken } from "@/lib/auth/sessions/session-tokens";
import type { SessionEndReason, SessionView } from "@/lib/auth/responses";

const ENDED_SESSIONS_SHOWN_MS = 30 * 24 * 3600 * 1000;

/** The reasons written to a session row; `expired` is only ever shown, for a session that ran out. */
export type StoredEndReason = Exclude<SessionEndReason, "expired">;

export type IssuedSession = { sessionId: string; refreshToken: string; expiresAt: Date };

/** The credentials a login checked: the account, and the version of its password it read. */
export type CheckedCredentials = { userId: string; credentialsVersion: number };

/** What a new session has proved: a password (aal 1, the default), or a passkey sign-in (aal 2). */
export type InitialAssurance = { aal: 1 | 2; amr: AuthMethod[] };
const PASSWORD_ONLY: InitialAssurance = { aal: 1, amr: ["pwd"] };

/**
 * Stores a new session and its first refresh token, only if the account still exists and
 * its password is still the one the caller checked; null otherwise. One statement, so one
 * round trip: the account row is read FOR SHARE, so a password update in flight makes it
 * wait and then see the new version, and an update that comes after it waits for the
 * session to commit, and then ends it with the others (docs/decisions/0028).
 */
export async function createSession(
  checked: CheckedCredentials,
  userAgent: string | null,
  assurance: InitialAssurance = PASSWORD_ONLY,
): Promise<IssuedSession | null> {
  const db = await getDb();
  const refreshToken = newRefreshToken();
  const now = new Date();
  const [row] = await db.$queryRaw<{ id: string; expires_at: Date }[]>`
    WITH account AS (
      SELECT id FROM users WHERE id = ${checked.userId}::uuid AND credentials_version = ${checked.credentialsVersion} FOR SHARE
    ), session AS (
      INSERT INTO sessions (id, user_id, user_agent, created_at, last_used_at, expires_at, aal, amr, auth_time)
      SELECT ${newUuidV7(now.getTime())}::uuid, id, ${userAgent?.slice(0, 512) ?? null}, ${now}, ${now}, ${expiryFrom(now, now)},
        -- amr: enum words, never a comma among them.
        ${assurance.aal}, string_to_array(${assurance.amr.join(",")}, ',')::"AuthMethod"[], ${now}
      FROM account
      RETURNING id, expires_at
    ), token AS (
      INSERT INTO refresh_tokens (token_hash, session_id, issued_at) SELECT ${hashToken(refreshToken)}, id, ${now} FROM session
    )
    SELECT id, expires_at FROM session`;
  if (!row) return null;
  rememberLiveSession(row.id, checked.userId);
  return { sessionId: row.id, refreshToken, expiresAt: row.expires_at };
}

/**
 * The session row itself: one primary-key lookup. Requests use it only while this
 * instance's revocation view is not in sync (lib/auth/sessions/revocation-view.ts).
 */
export async function isSessionLive(sessionId: string, userId: string): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  const db = await getDb();
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, endedAt: true, expiresAt: true },
  });
  return session !== null && session.userId === userId && session.endedAt === null && session.expiresAt > new Date();
}

// Every way of ending sessions goes through here: the rows are marked, this instance's
// revocation view learns at once, and the answer waits until the others have heard.
async function endSessions(where: Prisma.SessionWhereInput, reason: StoredEndReason): Promise<number> {
  const db = await getDb();
  const ended = await db.session.updateManyAndReturn({
    where: { ...where, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
    select: { id: true },
  });
  await revocations.applyRevoked(ended.map((s) => s.id));
  return ended.length;
}

export async function endSession(sessionId: string, reason: StoredEndReason): Promise<void> {
  await endSessions({ id: sessionId }, reason);
}

/** Ends one of the user's live sessions; false when none of theirs matched. */
export async function endUserSession(userId: string, sessionId: string, reason: StoredEndReason): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  return (await endSessions({ id: sessionId, userId }, reason)) === 1;
}

export async function endAllUserSessions(
  userId: string,
  reason: StoredEndReason,
  options: { except?: string } = {},
): Promise<void> {
  await endSessions({ userId, ...(options.except ? { id: { not: options.except } } : {}) }, reason);
}

/** Logout by refresh token: ends its session whatever state it is in; unknown tokens are ignored. */
export async function endSessionByRefreshToken(presented: string, reason: StoredEndReason): Promise<void> {
  const db = await getDb();
  const found = await db.refreshToken.findUnique({ where: { tokenHash: hashToken(presented) }, select: { sessionId: true } });
  if (found) await endSession(found.sessionId, reason);
}

export async function listSessions(
  userId: string,
  currentSessionId: string,
  options: { includeEnded: boolean },
): Promise<SessionView[]> {
  const db = await getDb();
  const now = new Date();
  const since = new Date(now.getTime() - ENDED_SESSIONS_SHOWN_MS);
  const live = { endedAt: null, expiresAt: { gt: now } };
  const recentlyEnded = { endedAt: { gte: since } };
  // A session that ran out was never ended by anyone: it ended when it expired.
  const recentlyExpired = { endedAt: null, expiresAt: { gte: since, lte: now } };
  const sessions = await db.session.findMany({
    where: { userId, OR: options.includeEnded ? [live, recentlyEnded, recentlyExpired] : [live] },
    orderBy: { lastUsedAt: "desc" },
    select: { id: true, createdAt: true, lastUsedAt: true, userAgent: true, endedAt: true, endReason: true, expiresAt: true },
    take: 200,
  });
  const views = sessions.map((s): SessionView => {
    const expired = s.endedAt === null && s.expiresAt <= now;
    return {
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      userAgent: s.userAgent,
      current: s.id === currentSessionId,
      endedAt: (expired ? s.expiresAt : s.endedAt)?.toISOString() ?? null,
      endReason: expired ? "expired" : s.endReason,
    };
  });
  // Live sessions first, most recently used first; then the ended ones, latest end first.
  return views.sort((a, b) =>
    a.endedAt === null || b.endedAt === null
      ? Number(a.endedAt !== null) - Number(b.endedAt !== null)
      : b.endedAt.localeCompare(a.endedAt),
  );
}
