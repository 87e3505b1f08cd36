// Trading a refresh token for its successor: the one place a refresh token is rotated,
// and where a token used twice past the grace window ends its session as stolen.
import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/problem";
import { bearerChallenge } from "@/lib/http/challenge";
import { noticeSessionReused } from "@/lib/mail/notices";
import { endSession, type IssuedSession, type SessionAssurance } from "@/lib/auth/sessions/sessions";
import { expiryFrom, hashToken, successorOf } from "@/lib/auth/sessions/session-tokens";
import { inBackground } from "@/lib/background";
import type { Role } from "@/lib/auth/identity/jwt";

/** The account, for its role to be derived again: the new access token names it. */
export type RotatedAccount = { id: string; email: string; emailVerifiedAt: Date | null; role: Role };

export type Rotation = IssuedSession & { userId: string; account: RotatedAccount };

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
          aal: true,
          amr: true,
          authTime: true,
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
  // The session's assurance as it is now (a reauthentication since may have raised it).
  const assurance: SessionAssurance = { aal: session.aal >= 2 ? 2 : 1, amr: session.amr, authTime: session.authTime };
  return { sessionId: session.id, userId: session.userId, account: session.user, refreshToken: successor, expiresAt, assurance };
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
