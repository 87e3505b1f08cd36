// Housekeeping: deletes the rows that no rule of the API (README: The API) needs any more, so the auth
// tables do not grow without bound. `npm start` runs it every hour by itself; elsewhere
// (Vercel, or `next start` behind a scheduler) operators run `npm run db:purge` on a schedule.
import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { LONGEST_WINDOW } from "@/lib/auth/accounts/limits";
import { purgeAuditTrail } from "@/lib/audit/retention";
import { SETUP_TTL_MS } from "@/lib/auth/factors/lifetimes";

const DAY_MS = 24 * 3600 * 1000;
// The sessions list shows ended sessions for 30 days (`?include=ended`); after that, nothing reads them.
const ENDED_SESSIONS_KEPT_MS = 30 * DAY_MS;

export type PurgeCounts = {
  sessions: number;
  refreshTokens: number;
  rateLimits: number;
  linkTokens: number;
  auditEvents: number;
  mfaTokens: number;
  pendingTotpSetups: number;
  webauthnChallenges: number;
};

export async function purgeStaleRows(now = new Date()): Promise<PurgeCounts> {
  const db = await getDb();
  const keptSince = new Date(now.getTime() - ENDED_SESSIONS_KEPT_MS);
  // Their refresh tokens go with them (ON DELETE CASCADE).
  const sessions = await db.session.deleteMany({
    where: { OR: [{ endedAt: { lt: keptSince } }, { endedAt: null, expiresAt: { lt: keptSince } }] },
  });
  // A token rotated longer ago than a refresh lifetime would have expired by now even unused:
  // presented again, it is refused as unknown instead of ending the session as stolen.
  const refreshTokens = await db.refreshToken.deleteMany({
    where: { rotatedAt: { lt: new Date(now.getTime() - env.REFRESH_TOKEN_TTL * 1000) } },
  });
  // A counter whose window has passed starts again at 1 on its next attempt anyway.
  const rateLimits = await db.rateLimit.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW() * 1000) } },
  });
  // A mailed link that expired or was used a day ago is of no use to anyone; a decoy
  // (docs/decisions/0027) never was, and goes once it has expired.
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const linkTokens = await db.emailToken.deleteMany({
    where: { OR: [{ expiresAt: { lt: dayAgo } }, { usedAt: { lt: dayAgo } }, { userId: null, expiresAt: { lt: now } }] },
  });
  // Past AUDIT_RETENTION_DAYS, with a checkpoint the chain starts from.
  const auditEvents = await purgeAuditTrail(now);
  // A login's second step lasts 300 s; a TOTP setup waits 10 minutes for its first code.
  // Neither can be used after, so neither is kept.
  const mfaTokens = await db.mfaToken.deleteMany({ where: { expiresAt: { lt: now } } });
  const pendingTotpSetups = await db.totpFactor.deleteMany({
    where: { confirmedAt: null, createdAt: { lt: new Date(now.getTime() - SETUP_TTL_MS) } },
  });
  // A passkey challenge is void 5 minutes after it was issued; one never answered stays until here.
  const webauthnChallenges = await db.webauthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  return {
    auditEvents,
    sessions: sessions.count,
    mfaTokens: mfaTokens.count,
    pendingTotpSetups: pendingTotpSetups.count,
    refreshTokens: refreshTokens.count,
    rateLimits: rateLimits.count,
    linkTokens: linkTokens.count,
    webauthnChallenges: webauthnChallenges.count,
  };
}
