// What the auth endpoints do, in the words of the contract. Handlers parse and respond;
// everything that decides who gets a token happens here.
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http";
import { bearerChallenge } from "@/lib/auth/challenge";
import { signAccessToken, type Role } from "@/lib/auth/jwt";
import { verifyPassword } from "@/lib/auth/password";
import { assertWithinLimits, consume, limits, recordAttempt, resetAttempts } from "@/lib/auth/rate-limit";
import {
  createSession,
  endAllUserSessions,
  endSessionByRefreshToken,
  endSession,
  rotateRefreshToken,
} from "@/lib/auth/sessions";
import { createUser, deleteUser, findCredentials, toUser, updatePasswordHash } from "@/lib/auth/users";
import type { LoginInput, SignupInput, User } from "@/lib/auth/schemas";
import type { CurrentUser } from "@/lib/auth/require-user";

export type ClientContext = { ip: string; userAgent: string | null };

export type IssuedTokens = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
};

async function issueTokens(userId: string, role: Role, sessionId: string, refreshToken: string): Promise<IssuedTokens> {
  const accessToken = await signAccessToken({ sub: userId, sid: sessionId, role });
  return { access_token: accessToken, token_type: "Bearer", expires_in: env.ACCESS_TOKEN_TTL, refresh_token: refreshToken };
}

async function startSession(user: User, client: ClientContext): Promise<IssuedTokens & { user: User }> {
  const { sessionId, refreshToken } = await createSession(user.id, client.userAgent);
  return { user, ...(await issueTokens(user.id, user.role, sessionId, refreshToken)) };
}

export async function signUp(input: SignupInput, client: ClientContext) {
  await consume(limits.signupByIp(client.ip));
  const user = await createUser(input);
  return startSession(user, client);
}

const invalidCredentials = () =>
  new HttpError(401, {
    code: "invalid_credentials",
    detail: "The email or password is incorrect.",
    headers: { "www-authenticate": bearerChallenge() },
  });

/**
 * One answer, in about one time, for an unknown email and a wrong password: both
 * spend a bcrypt comparison. A limited email gets 429 even with the right password.
 */
export async function logIn(input: LoginInput, client: ClientContext) {
  const byEmail = limits.loginByEmail(input.email);
  const byIp = limits.loginByIp(client.ip);
  await assertWithinLimits(byEmail, byIp);
  const account = await findCredentials({ email: input.email });
  const valid = await verifyPassword(input.password, account?.passwordHash ?? null);
  if (!account || !valid) {
    await recordAttempt(byEmail.key);
    await recordAttempt(byIp.key);
    throw invalidCredentials();
  }
  await resetAttempts(byEmail.key);
  return startSession(toUser(account), client);
}

export async function refresh(refreshToken: string) {
  const rotation = await rotateRefreshToken(refreshToken);
  return issueTokens(rotation.userId, rotation.role, rotation.sessionId, rotation.refreshToken);
}

/** Ends the session named by a refresh token, or else by the access token's `sid`. */
export async function logOut(credentials: { refreshToken?: string; sessionId?: string }): Promise<void> {
  if (credentials.refreshToken) await endSessionByRefreshToken(credentials.refreshToken, "logout");
  else if (credentials.sessionId) await endSession(credentials.sessionId, "logout");
}

// 403, not 401: the caller is logged in; only the password they re-typed is wrong.
async function assertPassword(userId: string, password: string): Promise<void> {
  const account = await findCredentials({ id: userId });
  if (!(await verifyPassword(password, account?.passwordHash ?? null))) {
    throw new HttpError(403, { code: "invalid_credentials", detail: "The password is incorrect." });
  }
}

export async function changePassword(user: CurrentUser, current: string, next: string): Promise<void> {
  await assertPassword(user.id, current);
  await updatePasswordHash(user.id, next);
  await endAllUserSessions(user.id, "password_change", { except: user.sessionId });
}

export async function deleteAccount(user: CurrentUser, password: string): Promise<void> {
  await assertPassword(user.id, password);
  await deleteUser(user.id);
}
