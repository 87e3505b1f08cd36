// Accounts. Responses are built from `userSelect`, which never includes the password
// hash: it cannot leak because it is never read except by the login path.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http";
import { hashPassword } from "@/lib/auth/password";
import type { SignupInput, User } from "@/lib/auth/schemas";
import type { Role } from "@/lib/auth/jwt";

const userSelect = { id: true, email: true, name: true, role: true, createdAt: true } as const;

type UserRow = { id: string; email: string; name: string | null; role: Role; createdAt: Date };

export function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.createdAt.toISOString() };
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

export async function createUser(input: SignupInput): Promise<User> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db.user.create({
      data: {
        email: input.email,
        name: input.name ?? null,
        passwordHash,
        role: env.ADMIN_EMAILS.has(input.email) ? "admin" : "user",
      },
      select: userSelect,
    });
    return toUser(row);
  } catch (error) {
    // The unique index decides races: of 50 simultaneous signups, one wins.
    if (isUniqueViolation(error)) {
      throw new HttpError(409, { code: "email_taken", detail: "An account with this email already exists." });
    }
    throw error;
  }
}

export async function findUserById(id: string): Promise<User | null> {
  const db = await getDb();
  const row = await db.user.findUnique({ where: { id }, select: userSelect });
  return row ? toUser(row) : null;
}

/** The one read of a password hash, for checking a password. */
export async function findCredentials(where: { email: string } | { id: string }) {
  const db = await getDb();
  return db.user.findUnique({ where, select: { ...userSelect, passwordHash: true } });
}

export async function updatePasswordHash(userId: string, password: string): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}

/** Deletes the account; its sessions, refresh tokens and items go with it (ON DELETE CASCADE). */
export async function deleteUser(userId: string): Promise<void> {
  const db = await getDb();
  await db.user.deleteMany({ where: { id: userId } });
}

export async function listUsers(page: { limit: number; cursor?: string }): Promise<{ users: User[]; nextCursor: string | null }> {
  const db = await getDb();
  // UUIDv7 ids grow with time, so ordering by id is ordering by signup.
  const rows = await db.user.findMany({
    where: page.cursor ? { id: { gt: page.cursor } } : {},
    orderBy: { id: "asc" },
    take: page.limit + 1,
    select: userSelect,
  });
  const users = rows.slice(0, page.limit).map(toUser);
  const nextCursor = rows.length > page.limit ? (users.at(-1)?.id ?? null) : null;
  return { users, nextCursor };
}
