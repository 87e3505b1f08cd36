// The only module that creates and ends sessions, and lists them for their owner. Each
// session holds one live refresh token (lib/auth/session-tokens.ts says what one is);
// trading it for its successor is lib/auth/refresh-tokens.ts. Every way of ending a
// session goes through endSessions(), so the revocation view always hears of it.
import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { applyRevoked } from "@/lib/auth/revocations";
import { expiryFrom, hashToken, newRefreshToken } from "@/lib/auth/session-tokens";
import type { SessionEndReason, SessionView } from "@/lib/auth/responses";

const ENDED_SESSIONS_SHOWN_MS = 30 * 24 * 3600 * 1000;

/** The reasons written to a session row; `expired` is only ever shown, for a session that ran out. */
export type StoredEndReason = Exclude<SessionEndReason, "expired">;

export type IssuedSession = { sessionId: string; refreshToken: string; expiresAt: Date };

export async function createSession(userId: string, userAgent: string | null): Promise<IssuedSession> {
  const db = await getDb();
  const refreshToken = newRefreshToken();
  const now = new Date();
  const session = await db.session.create({
    data: {
      userId,
      userAgent: userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: expiryFrom(now, now),
      refreshTokens: { create: { tokenHash: hashToken(refreshToken) } },
    },
    select: { id: true, expiresAt: true },
  });
  return { sessionId: session.id, refreshToken, expiresAt: session.expiresAt };
}

/**
 * The session row itself: one primary-key lookup. Requests use it only while this
 * instance's revocation view is not in sync (lib/auth/revocations.ts).
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
  await applyRevoked(ended.map((s) => s.id));
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
