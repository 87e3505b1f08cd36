// The `mfa_token` a login answers with when the account has a second factor: 256 random
// bits, stored only as a SHA-256 hash, bound to the account and to the client address that
// passed the password step, valid 300 s, single use, and void after 5 wrong codes. It
// carries the credentials version the password step read, so that the session the second
// step stores is refused when the password changed (or TOTP was turned on) in between.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb, type Prisma } from "@/lib/db";

export const MFA_TOKEN_TTL = 300;
const MAX_FAILURES = 5;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The account a token is for, and the credentials version its password step read. */
export type MfaTokenHolder = { userId: string; credentialsVersion: number };

export async function issueMfaToken(holder: MfaTokenHolder, clientAddress: string): Promise<{ mfaToken: string; expiresIn: number }> {
  const db = await getDb();
  const mfaToken = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.mfaToken.create({
    data: { tokenHash: hashToken(mfaToken), ...holder, clientAddress, createdAt: now, expiresAt: new Date(now.getTime() + MFA_TOKEN_TTL * 1000) },
  });
  return { mfaToken, expiresIn: MFA_TOKEN_TTL };
}

/**
 * Takes one of the token's 5 tries, if it is live and presented from the address it was
 * issued to; the account it is for, or null. Counted before the code is judged, in one
 * conditional update: 5 tries sent at once and 5 sent one by one use up the same token.
 */
export async function claimMfaAttempt(mfaToken: string, clientAddress: string): Promise<MfaTokenHolder | null> {
  const db = await getDb();
  const [claimed] = await db.mfaToken.updateManyAndReturn({
    where: { tokenHash: hashToken(mfaToken), clientAddress, usedAt: null, expiresAt: { gt: new Date() }, failures: { lt: MAX_FAILURES } },
    data: { failures: { increment: 1 } },
    select: { userId: true, credentialsVersion: true },
  });
  return claimed ?? null;
}

/**
 * Uses the token up (the try it took is no failure); false when another request used it
 * first. Given a transaction, the row stays locked until it ends: a request racing it
 * waits, and then finds the token used, or (rolled back after a wrong code) still live.
 */
export async function redeemMfaToken(mfaToken: string, tx?: Pick<Prisma.TransactionClient, "mfaToken">): Promise<boolean> {
  const db = tx ?? (await getDb());
  const { count } = await db.mfaToken.updateMany({
    where: { tokenHash: hashToken(mfaToken), usedAt: null },
    data: { usedAt: new Date(), failures: { decrement: 1 } },
  });
  return count === 1;
}

/**
 * The account a live token is for, read without taking a try or using it up: for the passkey
 * options of a second step, which prove nothing by themselves. Same address rule as a claim.
 */
export async function peekMfaToken(mfaToken: string, clientAddress: string): Promise<MfaTokenHolder | null> {
  const db = await getDb();
  return db.mfaToken.findFirst({
    where: { tokenHash: hashToken(mfaToken), clientAddress, usedAt: null, expiresAt: { gt: new Date() }, failures: { lt: MAX_FAILURES } },
    select: { userId: true, credentialsVersion: true },
  });
}
