// Account recovery and email (README: Account recovery and email): forgotten passwords, verified
// addresses and changes of address. Every link is made by lib/auth/accounts/link-tokens.ts, every
// mail goes out in the background (lib/mail/outgoing.ts), and what an unknown address
// would reveal is answered exactly like a known one.
import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/problem";
import {
  addressHeldForRevert,
  issueDecoyToken,
  issueLinkToken,
  issueRevertToken,
  liveLinkTokenOwner,
  redeemLinkToken,
  REVERT_TTL,
  voidLinkTokens,
} from "@/lib/auth/accounts/link-tokens";
import { noticeEmailChanged, noticePasswordChanged } from "@/lib/mail/notices";
import { consume, limits, resetAttempts } from "@/lib/auth/accounts/limits";
import { accountEvent, recordAccountEvent, recordWith, type Origin } from "@/lib/audit/account-events";
import { endAllUserSessions } from "@/lib/auth/sessions/sessions";
import { assertPassword } from "@/lib/auth/accounts/reauth";
import { assertNewPasswordAllowed, assertNotCurrentPassword } from "@/lib/auth/accounts/password-policy";
import { findAccountByEmail, findUserById, markEmailVerified, replaceEmail, updatePasswordHash } from "@/lib/auth/accounts/users";
import { inBackground } from "@/lib/background";
import { linkTo } from "@/lib/mail/links";
import { rehearseMail, sendMail } from "@/lib/mail/outgoing";
import { mails } from "@/lib/mail/templates";
import type { User } from "@/lib/auth/responses";
import type { RequestContext } from "@/lib/auth/identity/request-context";

/** Mails a fresh verification link for the account's current address; older links stop working. */
export async function mailVerificationLink(user: { id: string; email: string }): Promise<void> {
  const token = await issueLinkToken(user.id, "email_verify", user.email, env.EMAIL_VERIFY_TTL);
  sendMail(mails.verifyEmail(user.email, linkTo("/verify-email", token), env.EMAIL_VERIFY_TTL));
}

/**
 * The same answer, in about the same time, whether or not an account has this email: the
 * lookup happens either way, and the token and mail are made after the response. For an
 * unknown address that work is done too, on a decoy token and a mail built but never sent,
 * so the next request on this process is not slower for a real account (decision 0027).
 * The limits count every request, known address or not.
 */
export async function forgotPassword(email: string, context: RequestContext): Promise<void> {
  await consume(limits.resetByEmail(email), limits.resetByAddress(context.addressKey));
  const account = await findAccountByEmail(email);
  // Recorded for an unknown address too (with no account), so both cost the same.
  inBackground("The password-reset mail", async () => {
    await recordAccountEvent("password_reset_requested", account?.id ?? null, context);
    await mailResetLink(account, email);
  });
}

async function mailResetLink(account: { id: string; email: string } | null, email: string): Promise<void> {
  const ttl = env.PASSWORD_RESET_TTL;
  const token = account
    ? await issueLinkToken(account.id, "password_reset", account.email, ttl)
    : await issueDecoyToken("password_reset", ttl);
  const mail = mails.resetPassword(email, linkTo("/reset-password", token), ttl);
  if (account) sendMail(mail);
  else await rehearseMail(mail);
}

const invalidResetToken = () =>
  new HttpError(400, {
    code: "invalid_reset_token",
    detail: "This reset link is not valid: it has expired, was used already, or a newer one was sent. Ask for a new one.",
  });

/**
 * Sets a new password with a reset link. The link proves the owner reads mail at the
 * address, so that address counts as verified; every session ends, as the old password
 * may be what someone else knew.
 */
export async function resetPassword(token: string, newPassword: string, context: Origin): Promise<void> {
  // Before the link is used: a refused common password leaves it working for a better one.
  await assertNewPasswordAllowed(newPassword, "new_password");
  const redeemed = await redeemLinkToken(token, ["password_reset"]);
  const user = redeemed ? await findUserById(redeemed.userId) : null;
  // A link mailed to an address the account no longer has is void.
  if (!redeemed || !user || user.email !== redeemed.email) throw invalidResetToken();
  await assertNotCurrentPassword(user.id, newPassword);
  await updatePasswordHash(user.id, newPassword);
  await voidLinkTokens(user.id);
  if (!user.emailVerified) await markEmailVerified(user.id);
  await endAllUserSessions(user.id, "password_reset", { alongWith: recordWith(accountEvent("password_reset", user.id, context)) });
  // The owner may sign in at once, whatever a guesser did to the email's login count.
  await resetAttempts(limits.loginByEmail(user.email).key);
  noticePasswordChanged(user.email, "reset");
}

const invalidVerificationToken = () =>
  new HttpError(400, {
    code: "invalid_verification_token",
    detail: "This confirmation link is not valid: it has expired, was used already, or a newer one was sent.",
  });

const wrongAccount = () =>
  new HttpError(403, {
    code: "wrong_account",
    detail: "This link belongs to another account. Sign in to the account that asked for it, then open the link again.",
  });

const CONFIRMING = ["email_verify", "email_change"] as const;

/**
 * Confirms an address with a mailed link: the account's own (verification) or a new one
 * (email change), only in a session of the account the link belongs to, so that opening a
 * link never confirms an account someone else made (docs/decisions/0027). Another
 * account's link is refused and left usable.
 */
export async function verifyEmail(token: string, caller: { id: string; sessionId: string }, context: Origin): Promise<User> {
  const callerId = caller.id;
  const recorded = (type: "email_verified" | "email_changed") =>
    recordAccountEvent(type, callerId, context, { sessionId: caller.sessionId });
  const redeemed = await redeemLinkToken(token, CONFIRMING, callerId);
  if (!redeemed) {
    if (await liveLinkTokenOwner(token, CONFIRMING)) throw wrongAccount();
    throw invalidVerificationToken();
  }
  const user = await findUserById(redeemed.userId);
  if (!user) throw invalidVerificationToken();
  if (redeemed.purpose === "email_verify") {
    // Only while the link's address is still the account's.
    if (user.email !== redeemed.email) throw invalidVerificationToken();
    const verified = await markEmailVerified(user.id);
    await recorded("email_verified");
    return verified;
  }
  const { changed, changedAt, revertToken } = await moveToAddress(user, redeemed.email);
  await recorded("email_changed");
  noticeEmailChanged(user.email, changed.email, { at: changedAt, revertUrl: linkTo("/revert-email", revertToken), revertTtl: REVERT_TTL });
  return changed;
}

/**
 * The change itself, in one transaction: the new address, the old address's links void (a
 * reset, a verification), and the revert link for the old address, made at the change's
 * moment so that it knows what the change was and when (lib/auth/accounts/email-revert.ts).
 */
async function moveToAddress(user: User, newEmail: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const changedAt = new Date();
    const changed = await replaceEmail(user.id, newEmail, { tx, at: changedAt });
    await voidLinkTokens(user.id, undefined, tx);
    const revertToken = await issueRevertToken(tx, user.id, user.email, changedAt);
    return { changed, changedAt, revertToken };
  });
}

/** The caller's account; a 404 if it was deleted while their access token still lives. */
async function requireAccount(userId: string): Promise<User> {
  const user = await findUserById(userId);
  if (!user) throw new HttpError(404, { code: "not_found", detail: "The account no longer exists." });
  return user;
}

export async function resendVerification(userId: string): Promise<void> {
  const user = await requireAccount(userId);
  if (user.emailVerified) {
    throw new HttpError(409, { code: "email_already_verified", detail: "This email address is verified already." });
  }
  await consume(limits.verifyMailByUser(user.id));
  await mailVerificationLink(user);
}

/**
 * Starts a change of address: a link goes to the new address, and the email changes only
 * when it is followed. Checked first: the password (counted like a login), then that the
 * new address is another one and free. Every request counts against the mail limit before
 * the address is looked up, so past the limit a taken and a free address get the same 429.
 */
export async function requestEmailChange(
  caller: { id: string; sessionId: string },
  change: { newEmail: string; password: string },
  context: Origin,
): Promise<void> {
  const userId = caller.id;
  await assertPassword(userId, change.password);
  const user = await requireAccount(userId);
  if (change.newEmail === user.email) {
    throw new HttpError(400, {
      code: "validation_failed",
      detail: "The request is not valid.",
      errors: [{ path: "new_email", message: "This is your email address already." }],
    });
  }
  await consume(limits.verifyMailByUser(user.id));
  // An address a live revert link of another account would put back counts as taken (decision 0039).
  if ((await findAccountByEmail(change.newEmail)) || (await addressHeldForRevert(change.newEmail, user.id))) {
    throw new HttpError(409, { code: "email_taken", detail: "An account with this email already exists." });
  }
  const token = await issueLinkToken(user.id, "email_change", change.newEmail, env.EMAIL_VERIFY_TTL);
  await recordAccountEvent("email_change_requested", user.id, context, { sessionId: caller.sessionId });
  sendMail(mails.confirmEmailChange(change.newEmail, linkTo("/verify-email", token), env.EMAIL_VERIFY_TTL));
}
