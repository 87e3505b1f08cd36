// What the auth endpoints do, as the README states it (README: Tokens). Handlers parse and respond;
// everything that decides who gets a token happens here.
import "server-only";
import { unauthorizedAs } from "@/lib/http/challenge";
import { needsRehash, verifyPassword } from "@/lib/auth/passwords/hash";
import { consume, giveBack, limits, resetAttempts } from "@/lib/auth/accounts/limits";
import { rotateRefreshToken } from "@/lib/auth/sessions/refresh-tokens";
import { endAllUserSessions, endSessionByRefreshToken, endSession } from "@/lib/auth/sessions/sessions";
import {
  createUser,
  emailTaken,
  deleteUser,
  findLoginCredentials,
  INITIAL_CREDENTIALS_VERSION,
  isDisabled,
  refuseIfDisabled,
  rehashPassword,
  syncRole,
  toUser,
  updatePasswordHash,
} from "@/lib/auth/accounts/users";
import { issueTokens, knownDevice, startSession } from "@/lib/auth/accounts/grants";
import { countPasskeys } from "@/lib/auth/factors/passkeys";
import { issueMfaToken } from "@/lib/auth/factors/mfa-tokens";
import { addressHeldForRevert, voidLinkTokens } from "@/lib/auth/accounts/link-tokens";
import { noticeNewDevice, noticePasswordChanged } from "@/lib/mail/notices";
import { assertPassword } from "@/lib/auth/accounts/reauth";
import { assertNewPasswordAllowed, refusedPassword } from "@/lib/auth/accounts/password-policy";
import { mailVerificationLink } from "@/lib/auth/accounts/recovery";
import { inBackground } from "@/lib/background";
import { accountEvent, recordAccountEvent, recordEnded, recordWith, type Origin } from "@/lib/audit/account-events";
import type { RequestContext } from "@/lib/auth/identity/request-context";
import type { IssuedTokens } from "@/lib/auth/identity/token-delivery";
import type { LoginInput, SignupInput } from "@/lib/auth/schemas";
import type { Caller } from "@/lib/auth/identity/caller";
import type { CheckedCredentials } from "@/lib/auth/sessions/sessions";

export async function signUp(input: SignupInput, context: RequestContext) {
  // Counted first: with PASSWORD_BREACH_CHECK=hibp the check asks a third party, which no
  // client may make this app do faster than it may sign up.
  await consume(limits.signupByAddress(context.addressKey));
  await assertNewPasswordAllowed(input.password, "password");
  // An account's old address stays its own while the revert link mailed there lives, or
  // whoever changed the address could sign up with it and make the revert fail (decision 0039).
  if (await addressHeldForRevert(input.email)) throw emailTaken();
  const user = await createUser(input);
  inBackground("The verification mail", () => mailVerificationLink(user));
  const started = await startSession(user, { userId: user.id, credentialsVersion: INITIAL_CREDENTIALS_VERSION }, context, {
    event: { type: "signup" },
  });
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
  const account = await findLoginCredentials(input.email);
  const device = account ? knownDevice(account.id, input.device_token, context) : null;
  // A device the account signed in from before counts its own failures, not the email's.
  const byAccount = device ? limits.loginByDevice(device.id) : limits.loginByEmail(input.email);
  const byAddress = limits.loginByAddress(context.addressKey);
  // Every failure is in the audit trail and the account's activity: who tried, from where.
  const failed = (why: string) => recordAccountEvent("login", account?.id ?? null, context, { outcome: "failure", details: { why } });
  await consume(byAccount, byAddress).catch(async (error: unknown) => {
    await failed("locked");
    throw error;
  });
  const valid = await verifyPassword(input.password, account?.passwordHash ?? null);
  if (!account || !valid) {
    await failed(account ? "wrong_password" : "unknown_email");
    throw invalidCredentials();
  }
  // Said only to whoever knows the password: a stranger learns nothing about the account.
  if (isDisabled(account)) await failed("disabled");
  refuseIfDisabled(account);
  const [role] = await Promise.all([
    syncRole(account),
    resetAttempts(byAccount.key),
    giveBack(byAddress.key),
    needsRehash(account.passwordHash) ? rehashPassword(account, input.password) : undefined,
  ]);
  const checked = { userId: account.id, credentialsVersion: account.credentialsVersion };
  // The password is only the first step: no session until the second (README: Second factors).
  if (account.hasTotp) return secondStepRequired(checked, context);
  // A reset, a change or a deletion that landed while bcrypt ran wins: the password
  // checked here is no longer the account's, and nothing was stored.
  const started = await startSession(toUser({ ...account, role }), checked, context, {
    deviceToken: device?.token,
    event: { type: "login", details: { method: "password" } },
  });
  // A browser or client that never signed in to this account: the owner hears of it.
  if (started && !device) noticeNewDevice(account.email, context);
  if (!started) throw invalidCredentials();
  return started;
}

/** The mfa_token and the methods it can be completed with; passkeys are counted on this path only. */
async function secondStepRequired(checked: CheckedCredentials, context: RequestContext) {
  const [{ mfaToken, expiresIn }, passkeys] = await Promise.all([issueMfaToken(checked, context.addressKey), countPasskeys(checked.userId)]);
  const methods: ("totp" | "recovery_code" | "passkey")[] = ["totp", "recovery_code"];
  if (passkeys > 0) methods.push("passkey");
  return { mfa_required: true as const, mfa_token: mfaToken, methods, expires_in: expiresIn };
}

/** New tokens for a refresh token, which is rotated (lib/auth/sessions/refresh-tokens.ts). */
export async function refreshTokens(refreshToken: string, context: Origin): Promise<IssuedTokens> {
  const rotation = await rotateRefreshToken(refreshToken, {
    refuseAccount: refuseIfDisabled,
    onReuse: recordEnded("refresh_reuse", context),
  });
  // Derived again at every refresh: an address off ADMIN_EMAILS loses the role here too.
  const role = await syncRole(rotation.account);
  return issueTokens({ ...rotation, role });
}

/** Ends the session named by a refresh token, or else by the access token's `sid`. */
export async function logOut(credentials: { refreshToken?: string; sessionId?: string }, context: Origin): Promise<void> {
  const recorded = recordEnded("logout", context);
  if (credentials.refreshToken) await endSessionByRefreshToken(credentials.refreshToken, "logout", recorded);
  else if (credentials.sessionId) await endSession(credentials.sessionId, "logout", recorded);
}

export async function changePassword(caller: Caller, passwords: { current: string; next: string }, context: Origin): Promise<void> {
  const { current, next } = passwords;
  await assertNewPasswordAllowed(next, "new_password");
  const { email } = await assertPassword(caller.id, current);
  // Compared once `current` is known to be the password: only then is it "the current one".
  if (next === current) throw refusedPassword("new_password", "current");
  await updatePasswordHash(caller.id, next);
  // Links mailed before (a reset, a pending change) are void with the old password.
  await voidLinkTokens(caller.id);
  await endAllUserSessions(caller.id, "password_change", {
    except: caller.sessionId,
    alongWith: recordWith(accountEvent("password_changed", caller.id, context, { sessionId: caller.sessionId })),
  });
  noticePasswordChanged(email, "changed");
}

export async function deleteAccount(caller: Caller, password: string, context: Origin): Promise<void> {
  await assertPassword(caller.id, password);
  // Ended first, so this instance and the others refuse its tokens before the rows go.
  await endAllUserSessions(caller.id, "revoked", {
    alongWith: recordWith(accountEvent("account_deleted", caller.id, context, { sessionId: caller.sessionId })),
  });
  await deleteUser(caller.id);
}
