// What the auth endpoints do, as the README states it (README: Tokens). Handlers parse and respond;
// everything that decides who gets a token happens here.
import "server-only";
import { env } from "@/lib/env";
import { unauthorizedAs } from "@/lib/http/challenge";
import { signAccessToken, type Role } from "@/lib/auth/identity/jwt";
import { needsRehash, verifyPassword } from "@/lib/auth/passwords/hash";
import { consume, giveBack, limits, resetAttempts } from "@/lib/auth/accounts/limits";
import { rotateRefreshToken } from "@/lib/auth/sessions/refresh-tokens";
import {
  createSession,
  endAllUserSessions,
  endSessionByRefreshToken,
  endSession,
  type InitialAssurance,
} from "@/lib/auth/sessions/sessions";
import {
  createUser,
  deleteUser,
  findCredentials,
  INITIAL_CREDENTIALS_VERSION,
  rehashPassword,
  syncRole,
  toUser,
  updatePasswordHash,
} from "@/lib/auth/accounts/users";
import { deviceIdFor, issueDeviceToken, tokensInCookie } from "@/lib/auth/identity/device-tokens";
import { voidLinkTokens } from "@/lib/auth/accounts/link-tokens";
import { noticePasswordChanged } from "@/lib/mail/notices";
import { assertPassword } from "@/lib/auth/accounts/reauth";
import { assertNewPasswordAllowed, refusedPassword } from "@/lib/auth/accounts/password-policy";
import { mailVerificationLink } from "@/lib/auth/accounts/recovery";
import { inBackground } from "@/lib/background";
import type { RequestContext } from "@/lib/auth/identity/request-context";
import type { IssuedTokens } from "@/lib/auth/identity/token-delivery";
import type { LoginInput, SignupInput } from "@/lib/auth/schemas";
import type { User } from "@/lib/auth/responses";
import type { Caller } from "@/lib/auth/identity/caller";

type TokenGrant = { userId: string; role: Role; sessionId: string; refreshToken: string; expiresAt: Date };

async function issueTokens(grant: TokenGrant): Promise<IssuedTokens> {
  // Never past the session's own end: no token may outlive what the revocation view tracks.
  const untilSessionEnds = (grant.expiresAt.getTime() - Date.now()) / 1000;
  const lifetime = Math.max(1, Math.min(env.ACCESS_TOKEN_TTL, Math.floor(untilSessionEnds)));
  const accessToken = await signAccessToken({ sub: grant.userId, sid: grant.sessionId, role: grant.role }, lifetime);
  return {
    grant: { access_token: accessToken, token_type: "Bearer", expires_in: lifetime },
    refreshToken: grant.refreshToken,
    refreshExpiresIn: Math.max(1, Math.round(untilSessionEnds)),
  };
}

/**
 * A session for an account whose password was just checked (or just set, at signup), or that
 * just signed in with a passkey (`assurance`: aal 2); null when the password read stopped being
 * the account's meanwhile, or the account was deleted.
 */
export async function startSession(
  user: User,
  credentialsVersion: number,
  context: RequestContext,
  deviceToken?: string,
  assurance?: InitialAssurance,
) {
  const session = await createSession({ userId: user.id, credentialsVersion }, context.userAgent, assurance);
  if (!session) return null;
  const issued = await issueTokens({ userId: user.id, role: user.role, ...session });
  return { user, issued: { ...issued, deviceToken: deviceToken ?? issueDeviceToken(user.id) } };
}

/** The client's device token for this account, when it sent one made here for it. */
function knownDevice(userId: string, input: LoginInput, context: RequestContext): { token: string; id: string } | null {
  for (const token of [input.device_token ?? "", ...tokensInCookie(context.cookies.device)]) {
    const id = deviceIdFor(token, userId);
    if (id) return { token, id };
  }
  return null;
}

export async function signUp(input: SignupInput, context: RequestContext) {
  // Counted first: with PASSWORD_BREACH_CHECK=hibp the check asks a third party, which no
  // client may make this app do faster than it may sign up.
  await consume(limits.signupByAddress(context.addressKey));
  await assertNewPasswordAllowed(input.password, "password");
  const user = await createUser(input);
  inBackground("The verification mail", () => mailVerificationLink(user));
  const started = await startSession(user, INITIAL_CREDENTIALS_VERSION, context);
  // Only a reset link (mailed after this very request) or a deletion could have come first.
  if (!started) throw invalidCredentials();
  return started;
}

const invalidCredentials = () => unauthorizedAs("invalid_credentials", "The email or password is incorrect.");

/**
 * One answer, in about one time, for an unknown email and a wrong password: both
 * spend a bcrypt comparison. Each attempt is counted before the password is checked, in
 * one atomic upsert per limit, so of many attempts sent at once for one email at most
 * LOGIN_MAX_FAILURES_PER_EMAIL reach bcrypt; the rest, the right password included, get 429.
 * A client with the account's device token is counted on its own allowance instead of
 * the email's, so strangers' guesses cannot lock the owner out of a device they used.
 * A success clears the count it used and gives its attempt back to the address.
 */
export async function logIn(input: LoginInput, context: RequestContext) {
  const account = await findCredentials({ email: input.email });
  const device = account ? knownDevice(account.id, input, context) : null;
  // A device the account signed in from before counts its own failures, not the email's.
  const byAccount = device ? limits.loginByDevice(device.id) : limits.loginByEmail(input.email);
  const byAddress = limits.loginByAddress(context.addressKey);
  await consume(byAccount, byAddress);
  const valid = await verifyPassword(input.password, account?.passwordHash ?? null);
  if (!account || !valid) throw invalidCredentials();
  const [role] = await Promise.all([
    syncRole(account),
    resetAttempts(byAccount.key),
    giveBack(byAddress.key),
    needsRehash(account.passwordHash) ? rehashPassword(account, input.password) : undefined,
  ]);
  // A reset, a change or a deletion that landed while bcrypt ran wins: the password
  // checked here is no longer the account's, and nothing was stored.
  const started = await startSession(toUser({ ...account, role }), account.credentialsVersion, context, device?.token);
  if (!started) throw invalidCredentials();
  return started;
}

/** New tokens for a refresh token, which is rotated (lib/auth/sessions/refresh-tokens.ts). */
export async function refreshTokens(refreshToken: string): Promise<IssuedTokens> {
  const rotation = await rotateRefreshToken(refreshToken);
  // Derived again at every refresh: an address off ADMIN_EMAILS loses the role here too.
  const role = await syncRole(rotation.account);
  return issueTokens({ ...rotation, role });
}

/** Ends the session named by a refresh token, or else by the access token's `sid`. */
export async function logOut(credentials: { refreshToken?: string; sessionId?: string }): Promise<void> {
  if (credentials.refreshToken) await endSessionByRefreshToken(credentials.refreshToken, "logout");
  else if (credentials.sessionId) await endSession(credentials.sessionId, "logout");
}

export async function changePassword(caller: Caller, passwords: { current: string; next: string }): Promise<void> {
  const { current, next } = passwords;
  await assertNewPasswordAllowed(next, "new_password");
  const { email } = await assertPassword(caller.id, current);
  // Compared once `current` is known to be the password: only then is it "the current one".
  if (next === current) throw refusedPassword("new_password", "current");
  await updatePasswordHash(caller.id, next);
  // Links mailed before (a reset, a pending change) are void with the old password.
  await voidLinkTokens(caller.id);
  await endAllUserSessions(caller.id, "password_change", { except: caller.sessionId });
  noticePasswordChanged(email, "changed");
}

export async function deleteAccount(caller: Caller, password: string): Promise<void> {
  await assertPassword(caller.id, password);
  // Ended first, so this instance and the others refuse its tokens before the rows go.
  await endAllUserSessions(caller.id, "revoked");
  await deleteUser(caller.id);
}
