// Accounts. Responses are built from `userSelect`, which never includes the password
// hash: it cannot leak because it is never read except by the login path.
import "server-only";
import { randomBytes } from "node:crypto";
import { getDb, type Prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/problem";
import { hashPassword } from "@/lib/auth/passwords/hash";
import type { SignupInput } from "@/lib/auth/schemas";
import type { User } from "@/lib/auth/responses";
import type { Role } from "@/lib/auth/identity/jwt";

export const userSelect = { id: true, email: true, name: true, role: true, emailVerifiedAt: true, createdAt: true } as const;

type UserRow = { id: string; email: string; name: string | null; role: Role; emailVerifiedAt: Date | null; createdAt: Date };

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.emailVerifiedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The role an account has now: admin only while its email is verified and listed in
 * ADMIN_EMAILS. Nobody becomes admin by signing up first with an admin's address, and
 * an address taken off the list loses the role at its next admin request (currentRole),
 * login, refresh or verification.
 */
export function roleFor(account: { email: string; emailVerifiedAt: Date | null }): Role {
  return account.emailVerifiedAt !== null && env.ADMIN_EMAILS.has(account.email) ? "admin" : "user";
}

/**
 * The account's role now, as `syncRole` stores it; null for a deleted account. Admin
 * endpoints ask this rather than the access token, whose claim may be older than a change
 * of ADMIN_EMAILS or of the address (README, Admin).
 */
export async function currentRole(userId: string): Promise<Role | null> {
  const db = await getDb();
  const row = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true, role: true } });
  return row ? syncRole(row) : null;
}

/** Stores the role `roleFor` gives, when it differs from the stored one; returns it. */
export async function syncRole(account: { id: string; email: string; emailVerifiedAt: Date | null; role: Role }): Promise<Role> {
  const role = roleFor(account);
  if (role !== account.role) {
    const db = await getDb();
    await db.user.updateMany({ where: { id: account.id }, data: { role } });
  }
  return role;
}

/** A new account's credentials version: the schema's default for `credentials_version`. */
export const INITIAL_CREDENTIALS_VERSION = 0;

export async function createUser(input: SignupInput): Promise<User> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db.user.create({
      data: {
        email: input.email,
        name: input.name ?? null,
        passwordHash,
        // Unverified: an admin's address makes an admin only once its mail has been read.
        role: "user",
      },
      select: userSelect,
    });
    return toUser(row);
  } catch (error) {
    // The unique index decides races: of 50 simultaneous signups, one wins.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export async function findUserById(id: string): Promise<User | null> {
  const db = await getDb();
  const row = await db.user.findUnique({ where: { id }, select: userSelect });
  return row ? toUser(row) : null;
}

/** A read of a password hash, for checking a password. */
export async function findCredentials(where: { email: string } | { id: string }) {
  const db = await getDb();
  return db.user.findUnique({
    where,
    select: { ...userSelect, passwordHash: true, credentialsVersion: true, disabledAt: true, disabledUntil: true },
  });
}

export type LoginCredentials = UserRow & DisabledFields & { passwordHash: string; credentialsVersion: number; hasTotp: boolean };

type LoginCredentialsRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  email_verified_at: Date | null;
  created_at: Date;
  password_hash: string;
  credentials_version: number;
  disabled_at: Date | null;
  disabled_until: Date | null;
  has_totp: boolean;
};

/**
 * The login's read of an account: its password hash, whether TOTP is on (then the
 * password is only the first step) and whether an admin disabled it, in one statement, so that a login without a second
 * factor costs no extra round trip.
 */
export async function findLoginCredentials(email: string): Promise<LoginCredentials | null> {
  const db = await getDb();
  const [row] = await db.$queryRaw<LoginCredentialsRow[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.email_verified_at, u.created_at, u.password_hash,
      u.credentials_version, u.disabled_at, u.disabled_until,
      EXISTS (SELECT 1 FROM totp_factors t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS has_totp
    FROM users u WHERE u.email = ${email}`;
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerifiedAt: row.email_verified_at,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    credentialsVersion: row.credentials_version,
    disabledAt: row.disabled_at,
    disabledUntil: row.disabled_until,
    hasTotp: row.has_totp,
  };
}

/** The account with this email, if there is one: its id and address, nothing else. */
export async function findAccountByEmail(email: string): Promise<{ id: string; email: string } | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { email }, select: { id: true, email: true } });
}

export const emailTaken = () => new HttpError(409, { code: "email_taken", detail: "An account with this email already exists." });

/** Marks the account's address as verified now, and gives it the role that follows. */
export async function markEmailVerified(userId: string): Promise<User> {
  const db = await getDb();
  const emailVerifiedAt = new Date();
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const row = await db.user.update({
    where: { id: userId },
    data: { emailVerifiedAt, role: roleFor({ email, emailVerifiedAt }) },
    select: userSelect,
  });
  return toUser(row);
}

/**
 * Moves the account to a confirmed new address, verified by that very confirmation; inside
 * the caller's transaction when given one, at its moment `at`.
 */
export async function replaceEmail(userId: string, email: string, within?: { tx: Prisma.TransactionClient; at: Date }): Promise<User> {
  const db = within?.tx ?? (await getDb());
  const emailVerifiedAt = within?.at ?? new Date();
  try {
    const row = await db.user.update({
      where: { id: userId },
      data: { email, emailVerifiedAt, role: roleFor({ email, emailVerifiedAt }) },
      select: userSelect,
    });
    return toUser(row);
  } catch (error) {
    // Someone signed up with the address between the request and its confirmation.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/**
 * An email revert's change of the account, inside its transaction: the old address back,
 * verified (the owner read the link mailed to it), and a password nobody knows with a new
 * credentials version, so that whoever changed the address cannot sign in with a password
 * they knew or set, and a login racing the revert stores no session; the owner chooses a
 * new one with the reset link the revert mails (docs/decisions/0039). `unusableHash` comes
 * from `unusablePasswordHash`, made before the transaction (bcrypt is slow). 409 when
 * another account has the address (decision 0039 says how that can still happen).
 */
export async function restoreEmailIn(tx: Prisma.TransactionClient, userId: string, email: string, unusableHash: string): Promise<User> {
  const emailVerifiedAt = new Date();
  try {
    const row = await tx.user.update({
      where: { id: userId },
      data: { email, emailVerifiedAt, role: roleFor({ email, emailVerifiedAt }), passwordHash: unusableHash, credentialsVersion: { increment: 1 } },
      select: userSelect,
    });
    return toUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/** The hash of a password nobody knows (256 random bits, never kept): no password matches it. */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString("base64url"));
}

/**
 * A new password: the hash, and a new credentials version, so that a login that checked the
 * old password can no longer store its session (lib/auth/sessions/sessions.ts createSession).
 */
export async function updatePasswordHash(userId: string, password: string): Promise<void> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  await db.user.updateMany({ where: { id: userId }, data: { passwordHash, credentialsVersion: { increment: 1 } } });
}

/**
 * The same password hashed again at the current cost: no new version, and only if the
 * password is still the one that was checked, so a rehash can never undo a reset.
 */
export async function rehashPassword(checked: { id: string; credentialsVersion: number }, password: string): Promise<void> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  await db.user.updateMany({ where: { id: checked.id, credentialsVersion: checked.credentialsVersion }, data: { passwordHash } });
}

/** Deletes the account; its sessions, refresh tokens and items go with it (ON DELETE CASCADE). */
export async function deleteUser(userId: string): Promise<void> {
  const db = await getDb();
  await db.user.deleteMany({ where: { id: userId } });
}

// Accounts an admin disabled: no login (once the password was right), no refresh, no
// second step, until the end the admin gave, if any, or until enabled again. Disabling
// ends every session at once (lib/auth/accounts/admin-users.ts), and createSession
// (lib/auth/sessions/sessions.ts) stores none for a disabled account, even for a login
// already past its password check.
export type DisabledFields = { disabledAt: Date | null; disabledUntil: Date | null };

/** Whether the account is disabled at `now`: an end in the past means it is not. */
export function isDisabled(account: DisabledFields, now = new Date()): boolean {
  return account.disabledAt !== null && (account.disabledUntil === null || account.disabledUntil > now);
}

/** Throws 403 `account_disabled` when the account is disabled now. */
export function refuseIfDisabled(account: DisabledFields): void {
  if (!isDisabled(account)) return;
  const until = account.disabledUntil;
  const detail = until
    ? `This account has been disabled by an administrator until ${until.toISOString()}.`
    : "This account has been disabled by an administrator.";
  throw new HttpError(403, { code: "account_disabled", detail });
}
