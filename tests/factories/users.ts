// Users with a live session, made through the same services the API uses, but without
// spending the signup rate limit of the test's client address.
import { signAccessToken } from "@/lib/auth/identity/jwt";
import { createSession } from "@/lib/auth/sessions/sessions";
import { getDb } from "@/lib/db";
import { createUser, markEmailVerified } from "@/lib/auth/accounts/users";
import type { User } from "@/lib/auth/responses";

let counter = 0;

export type SignedInUser = {
  user: User;
  password: string;
  accessToken: string;
  refreshToken: string;
  sessionId: string;
};

export async function createSignedInUser(
  overrides: { email?: string; password?: string; name?: string; userAgent?: string; verified?: boolean } = {},
): Promise<SignedInUser> {
  counter += 1;
  const password = overrides.password ?? "correct horse battery";
  const email = overrides.email ?? `user${counter}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const created = await createUser({ email, password, name: overrides.name ?? `User ${counter}` });
  // As if the verification link had been followed: the role follows from it.
  const user = overrides.verified ? await markEmailVerified(created.id) : created;
  const session = await signInAgain(user, overrides.userAgent);
  return { user, password, ...session };
}

/** A further session (another device) for an existing user. */
export async function signInAgain(user: User, userAgent = "vitest") {
  const db = await getDb();
  const { credentialsVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { credentialsVersion: true } });
  const session = await createSession({ userId: user.id, credentialsVersion }, userAgent);
  if (!session) throw new Error(`signInAgain: ${user.email} changed while signing in`);
  const { sessionId, refreshToken } = session;
  const accessToken = await signAccessToken({ sub: user.id, sid: sessionId, role: user.role });
  return { accessToken, refreshToken, sessionId };
}
