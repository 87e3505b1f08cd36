// The `mfa_token` a login answers with when the account has a second factor: 256 random
// bits, stored only as a SHA-256 hash, bound to the account and to the client address that
// passed the password step, valid 300 s, single use, and void after 5 wrong codes.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";

export const MFA_TOKEN_TTL = 300;
const MAX_FAILURES = 5;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueMfaToken(userId: string, clientAddress: string): Promise<{ mfaToken: string; expiresIn: number }> {
  const db = await getDb();
  const mfaToken = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.mfaToken.create({
    data: { tokenHash: hashToken(mfaToken), userId, clientAddress, createdAt: now, expiresAt: new Date(now.getTime() + MFA_TOKEN_TTL * 1000) },
  });
  return { mfaToken, expiresIn: MFA_TOKEN_TTL };
}

/**
 * Takes one of the token's 5 tries, if it is live and presented from the address it was
 * issued to; the account it is for, or null. Counted before the code is judged, in one
 * conditional update: 5 tries sent at once and 5 sent one by one use up the same token.
 */
export async function claimMfaAttempt(mfaToken: string, clientAddress: string): Promise<string | null> {
  const db = await getDb();
  const [claimed] = await db.mfaToken.updateManyAndReturn({
    where: { tokenHash: hashToken(mfaToken), clientAddress, usedAt: null, expiresAt: { gt: new Date() }, failures: { lt: MAX_FAILURES } },
    data: { failures: { increment: 1 } },
    select: { userId: true },
  });
  return claimed?.userId ?? null;
}

/**
 * Uses the token up after its code was right (the try it took was no failure); false when
 * another request used it first.
 */
export async function redeemMfaToken(mfaToken: string): Promise<boolean> {
  const db = await getDb();
  const { count } = await db.mfaToken.updateMany({
    where: { tokenHash: hashToken(mfaToken), usedAt: null },
    data: { usedAt: new Date(), failures: { decrement: 1 } },
  });
  return count === 1;
}
