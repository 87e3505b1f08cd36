// The only module that makes and redeems the tokens of mailed links: 256 random bits,
// stored only as a SHA-256 hash (full entropy: a slow hash would add nothing), of one
// purpose each, expiring, and used at most once. Issuing one voids the user's older ones
// of that purpose, and a new password voids them all. A revert link (email_revert) is the
// exception: it must outlive whatever the person who changed the address does next, so
// only a revert voids it (docs/decisions/0039).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb, type Prisma } from "@/lib/db";
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
  const lockId = owner?.userId ?? NO_ACCOUNT;
  // PGlite is one connection: inside the transaction, only `tx`.
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${lockId}::uuid FOR UPDATE`;
    const now = new Date();
    await tx.emailToken.updateMany({ where: { userId: lockId, purpose, usedAt: null }, data: { usedAt: now } });
    return store(tx, owner, purpose, now, ttl);
  });
}

async function store(
  tx: Prisma.TransactionClient,
  owner: { userId: string; email: string } | null,
  purpose: LinkPurpose,
  now: Date,
  ttl: number,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
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
  return token;
}

/** How long a revert link works (README: Account recovery and email): a week to notice a mail. */
export const REVERT_TTL = 7 * 86_400;

/**
 * The revert link of an email change, made in the change's own transaction, at the change's
 * moment: it remembers the address to put back (`oldEmail`) and when the change happened
 * (its `createdAt`). It voids nothing: an earlier change's link stays live, so whoever
 * changes the address twice cannot void the owner's link with the second change.
 */
export function issueRevertToken(tx: Prisma.TransactionClient, userId: string, oldEmail: string, changedAt: Date): Promise<string> {
  return store(tx, { userId, email: oldEmail }, "email_revert", changedAt, REVERT_TTL);
}

export type RedeemedRevert = { email: string; changedAt: Date };

/**
 * Uses a revert token of `ownerId` up inside the caller's transaction; null when it is
 * unknown, used, expired, of another kind or of another account. A conditional update, so of
 * two reverts with one token exactly one gets it; the other waits for it on the row.
 */
export async function redeemRevertToken(tx: Prisma.TransactionClient, token: string, ownerId: string): Promise<RedeemedRevert | null> {
  const [row] = await tx.emailToken.updateManyAndReturn({
    where: { tokenHash: hashToken(token), purpose: "email_revert", usedAt: null, expiresAt: { gt: new Date() }, userId: ownerId },
    data: { usedAt: new Date() },
    select: { email: true, createdAt: true },
  });
  return row ? { email: row.email, changedAt: row.createdAt } : null;
}

/**
 * After a revert: every unused link of the account is void (a reset or a change mailed to
 * the address being left), and so is every revert link of the change undone and of the
 * changes after it. Revert links of earlier changes stay: a revert made with a later
 * change's link (which went to an address the intruder may read) cannot void the owner's.
 */
export async function voidLinkTokensAfterRevert(tx: Prisma.TransactionClient, userId: string, changedAt: Date): Promise<void> {
  await tx.emailToken.updateMany({
    where: { userId, usedAt: null, NOT: { purpose: "email_revert", createdAt: { lt: changedAt } } },
    data: { usedAt: new Date() },
  });
}

/** A reset link issued inside the caller's transaction, which holds the account's row: older ones are void. */
export async function issueResetTokenIn(tx: Prisma.TransactionClient, userId: string, email: string, ttl: number): Promise<string> {
  const now = new Date();
  await tx.emailToken.updateMany({ where: { userId, purpose: "password_reset", usedAt: null }, data: { usedAt: now } });
  return store(tx, { userId, email }, "password_reset", now, ttl);
}

/**
 * Whether a live revert link of another account than `exceptUserId` would put this address
 * back: such an address is not free for a signup or an email change, or whoever took an
 * account over could sign up with its old address and make the owner's revert fail.
 */
export async function addressHeldForRevert(email: string, exceptUserId?: string): Promise<boolean> {
  const db = await getDb();
  const held = await db.emailToken.findFirst({
    where: {
      email,
      purpose: "email_revert",
      usedAt: null,
      expiresAt: { gt: new Date() },
      ...(exceptUserId ? { userId: { not: exceptUserId } } : {}),
    },
    select: { tokenHash: true },
  });
  return held !== null;
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

/**
 * Voids every unused token of the user but its revert links (which only a revert voids:
 * a new password or address set by an intruder must not void the owner's way back), or
 * those of the given purposes.
 */
export async function voidLinkTokens(userId: string, purposes?: readonly LinkPurpose[], client?: Prisma.TransactionClient): Promise<void> {
  const db = client ?? (await getDb());
  await db.emailToken.updateMany({
    where: { userId, usedAt: null, purpose: purposes ? { in: [...purposes] } : { not: "email_revert" } },
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
