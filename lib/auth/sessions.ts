// The only module that creates, rotates and revokes sessions and their refresh tokens.
// A refresh token is 256 bits, handed out once and stored only as its SHA-256 (a stolen
// database cannot be replayed); every use rotates it, and a session has exactly one live
// token: the successor of a token is derived from it with a keyed MAC, so a replay inside
// the grace window gets the very token its first use got (docs/decisions/0015).
import { createHash, createHmac, randomBytes } from "node:crypto";
import { getDb, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/problem";
import { isUuid } from "@/lib/ids";
import { bearerChallenge } from "@/lib/auth/challenge";
import { applyRevoked } from "@/lib/auth/revocations";
import { refreshRole } from "@/lib/auth/users";
import { noticeSessionReused } from "@/lib/auth/notices";
import { inBackground } from "@/lib/background";
import type { Role } from "@/lib/auth/jwt";
import type { SessionEndReason, SessionView } from "@/lib/auth/responses";

const ENDED_SESSIONS_SHOWN_MS = 30 * 24 * 3600 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newRefreshToken = () => randomBytes(32).toString("base64url");

// Its own key, derived from JWT_SECRET under a label: a successor is no JWT signature,
// and nothing signed for one purpose can stand for the other.
const successorKey = createHmac("sha256", env.JWT_SECRET).update("jwt-items refresh-token successor v1").digest();
const successorOf = (token: string) => createHmac("sha256", successorKey).update(token).digest("base64url");

/** REFRESH_TOKEN_TTL after the last refresh, but never past SESSION_MAX_AGE after the login. */
function expiryFrom(now: Date, createdAt: Date): Date {
  const sliding = now.getTime() + env.REFRESH_TOKEN_TTL * 1000;
  const absolute = createdAt.getTime() + env.SESSION_MAX_AGE * 1000;
  return new Date(Math.min(sliding, absolute));
}

/** The reasons written to a session row; `expired` is only ever shown, for a session that ran out. */
export type StoredEndReason = Exclude<SessionEndReason, "expired">;

export type IssuedSession = { sessionId: string; refreshToken: string; expiresAt: Date };
export type Rotation = IssuedSession & { userId: string; role: Role };

function refreshError(code: "invalid_refresh_token" | "refresh_token_expired" | "refresh_token_reused" | "session_revoked"): HttpError {
  const details = {
    invalid_refresh_token: "The refresh token is not valid. Log in again.",
    refresh_token_expired: "The refresh token has expired. Log in again.",
    refresh_token_reused: "This refresh token was already used, so the session was ended to protect you. Log in again.",
    session_revoked: "This session has ended. Log in again.",
  } as const;
  return new HttpError(401, {
    code,
    detail: details[code],
    headers: { "www-authenticate": bearerChallenge("invalid_token") },
  });
}

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

/**
 * Trades a refresh token for its successor. A token rotated less than REFRESH_REUSE_GRACE
 * seconds ago (two tabs refreshing at once, a lost response) gets the same successor
 * again, so the session never forks into two live chains; later, it can only be a copy in
 * someone else's hands, so the whole session is ended.
 */
export async function rotateRefreshToken(presented: string): Promise<Rotation> {
  const db = await getDb();
  const tokenHash = hashToken(presented);
  const found = await db.refreshToken.findUnique({
    where: { tokenHash },
    select: {
      rotatedAt: true,
      session: {
        select: {
          id: true,
          userId: true,
          createdAt: true,
          endedAt: true,
          expiresAt: true,
          user: { select: { id: true, email: true, emailVerifiedAt: true, role: true } },
        },
      },
    },
  });
  if (!found) throw refreshError("invalid_refresh_token");
  const { session } = found;
  if (session.endedAt) throw refreshError("session_revoked");
  const now = new Date();
  // The absolute end counts too, so a lowered SESSION_MAX_AGE applies to existing sessions.
  if (session.expiresAt <= now || expiryFrom(now, session.createdAt) <= now) throw refreshError("refresh_token_expired");

  const successor = successorOf(presented);
  const rotatedAt = found.rotatedAt ?? (await rotate(tokenHash, successor, session, now));
  if (rotatedAt !== null && now.getTime() - rotatedAt.getTime() > env.REFRESH_REUSE_GRACE * 1000) {
    await endSession(session.id, "refresh_reuse");
    inBackground("The refresh-reuse notice", () => noticeSessionReused(session.id));
    throw refreshError("refresh_token_reused");
  }
  const expiresAt = rotatedAt === null ? expiryFrom(now, session.createdAt) : session.expiresAt;
  const role = await refreshRole(session.user);
  return { sessionId: session.id, userId: session.userId, role, refreshToken: successor, expiresAt };
}

/**
 * Marks an unused token as rotated, stores its successor and extends the session, in one
 * transaction. Of concurrent requests exactly one flips rotatedAt from null (and gets null
 * back: a first use); the others wait for it to commit, so the successor they will hand
 * out exists, and get `now`, well inside the grace window.
 */
async function rotate(
  tokenHash: string,
  successor: string,
  session: { id: string; createdAt: Date },
  now: Date,
): Promise<Date | null> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const claimed = await tx.refreshToken.updateMany({ where: { tokenHash, rotatedAt: null }, data: { rotatedAt: now } });
    if (claimed.count === 0) return now;
    // Conditional on the session still being live, so a revocation racing this refresh wins.
    const extended = await tx.session.updateMany({
      where: { id: session.id, endedAt: null },
      data: { lastUsedAt: now, expiresAt: expiryFrom(now, session.createdAt) },
    });
    if (extended.count === 0) throw refreshError("session_revoked");
    await tx.refreshToken.create({ data: { tokenHash: hashToken(successor), sessionId: session.id } });
    return null;
  });
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
