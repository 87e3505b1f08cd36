// The only module that makes and redeems the tokens of mailed links: 256 random bits,
// stored only as a SHA-256 hash (full entropy: a slow hash would add nothing), of one
// purpose each, expiring, and used at most once. Issuing one voids the user's older ones
// of that purpose, and a new password voids them all.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { EmailTokenPurpose } from "@/lib/generated/prisma/enums";

export type LinkPurpose = EmailTokenPurpose;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A new token for `purpose`, valid `ttl` seconds, for the link mailed to `email` (the
 * account's address, or the new one of an email change).
 */
export async function issueLinkToken(userId: string, purpose: LinkPurpose, email: string, ttl: number): Promise<string> {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.$transaction([
    db.emailToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } }),
    db.emailToken.create({
      data: { tokenHash: hashToken(token), userId, purpose, email, createdAt: now, expiresAt: new Date(now.getTime() + ttl * 1000) },
    }),
  ]);
  return token;
}

export type Redeemed = { userId: string; purpose: LinkPurpose; email: string };

/**
 * Uses a token up, if it is one of `purposes`, unused and unexpired; null otherwise. One
 * conditional update: of two requests with one token, exactly one gets it.
 */
export async function redeemLinkToken(token: string, purposes: readonly LinkPurpose[]): Promise<Redeemed | null> {
  const db = await getDb();
  const now = new Date();
  const [redeemed] = await db.emailToken.updateManyAndReturn({
    where: { tokenHash: hashToken(token), purpose: { in: [...purposes] }, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true, purpose: true, email: true },
  });
  return redeemed ?? null;
}

/** Voids every unused token of the user, or those of the given purposes. */
export async function voidLinkTokens(userId: string, purposes?: readonly LinkPurpose[]): Promise<void> {
  const db = await getDb();
  await db.emailToken.updateMany({
    where: { userId, usedAt: null, ...(purposes ? { purpose: { in: [...purposes] } } : {}) },
    data: { usedAt: new Date() },
  });
}

/** The address an email change is waiting to be confirmed for, if one is. */
export async function pendingEmailChange(userId: string): Promise<string | null> {
  const db = await getDb();
  const pending = await db.emailToken.findFirst({
    where: { userId, purpose: "email_change", usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { email: true },
  });
  return pending?.email ?? null;
}
