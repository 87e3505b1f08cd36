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

// The nil UUID: no account has it (ids are UUIDv7), so a decoy's lock and void match nothing.
const NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

/**
 * A new token for `purpose`, valid `ttl` seconds, for the link mailed to `email` (the
 * account's address, or the new one of an email change). Exactly one stays live: the
 * account's row is locked first, so of two issued at once the second waits, then voids
 * the first (docs/decisions/0027). Its time is taken under the lock: the live one is the newest.
 */
export async function issueLinkToken(userId: string, purpose: LinkPurpose, email: string, ttl: number): Promise<string> {
  return issue({ userId, email }, purpose, ttl);
}

/**
 * The same transaction for no account: a row that no link names and nothing redeems, so a
 * forgot-password request for an unknown address costs what a real one does (decision 0027).
 */
export async function issueDecoyToken(purpose: LinkPurpose, ttl: number): Promise<string> {
  return issue(null, purpose, ttl);
}

async function issue(owner: { userId: string; email: string } | null, purpose: LinkPurpose, ttl: number): Promise<string> {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const lockId = owner?.userId ?? NO_ACCOUNT;
  // PGlite is one connection: inside the transaction, only `tx`.
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${lockId}::uuid FOR UPDATE`;
    const now = new Date();
    await tx.emailToken.updateMany({ where: { userId: lockId, purpose, usedAt: null }, data: { usedAt: now } });
    await tx.emailToken.create({
      data: {
        tokenHash: hashToken(token),
        userId: owner?.userId ?? null,
        purpose,
        email: owner?.email ?? "",
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttl * 1000),
      },
    });
  });
  return token;
}

export type Redeemed = { userId: string; purpose: LinkPurpose; email: string };

/**
 * Uses a token up, if it is one of `purposes`, unused, unexpired and, given `ownerId`, of
 * that account; null otherwise. One conditional update: of two requests with one token,
 * exactly one gets it. A decoy (no account) is never redeemed.
 */
export async function redeemLinkToken(token: string, purposes: readonly LinkPurpose[], ownerId?: string): Promise<Redeemed | null> {
  const db = await getDb();
  const now = new Date();
  const [redeemed] = await db.emailToken.updateManyAndReturn({
    where: { tokenHash: hashToken(token), purpose: { in: [...purposes] }, usedAt: null, expiresAt: { gt: now }, userId: ownerId ?? { not: null } },
    data: { usedAt: now },
    select: { userId: true, purpose: true, email: true },
  });
  return redeemed?.userId ? { ...redeemed, userId: redeemed.userId } : null;
}

/** The account a live token of `purposes` belongs to, without using it up; null if none. */
export async function liveLinkTokenOwner(token: string, purposes: readonly LinkPurpose[]): Promise<string | null> {
  const db = await getDb();
  const row = await db.emailToken.findFirst({
    where: { tokenHash: hashToken(token), purpose: { in: [...purposes] }, usedAt: null, expiresAt: { gt: new Date() } },
    select: { userId: true },
  });
  return row?.userId ?? null;
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
