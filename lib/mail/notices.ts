// Security notices: a mail to the account's own address whenever something about its
// safety changes, so that an owner learns of what they did not do. Sent in the background:
// a notice never slows or fails the request behind it.
import "server-only";
import { getDb } from "@/lib/db";
import { sendMail } from "@/lib/mail/outgoing";
import { mails } from "@/lib/mail/templates";

export function noticePasswordChanged(email: string, how: "changed" | "reset"): void {
  sendMail(how === "changed" ? mails.passwordChanged(email, new Date()) : mails.passwordReset(email, new Date()));
}

/** To the old address, with the link that puts it back (lib/auth/accounts/email-revert.ts). */
export function noticeEmailChanged(oldEmail: string, newEmail: string, change: { at: Date; revertUrl: string; revertTtl: number }): void {
  sendMail(mails.emailChanged(oldEmail, newEmail, change.at, { url: change.revertUrl, ttl: change.revertTtl }));
}

export function noticeTotpChanged(email: string, on: boolean): void {
  sendMail(on ? mails.totpEnabled(email, new Date()) : mails.totpDisabled(email, new Date()));
}

export function noticeRecoveryCodesRenewed(email: string): void {
  sendMail(mails.recoveryCodesRenewed(email, new Date()));
}

/** Says how many are left, so an owner who did not use one knows at once, and one who did knows when to make more. */
export function noticeRecoveryCodeUsed(email: string, left: number): void {
  sendMail(mails.recoveryCodeUsed(email, left, new Date()));
}

/** What an admin did to an account, with the reason they gave: the owner hears of it at once. */
export function noticeAdminAction(
  email: string,
  action: { kind: "disabled"; until: Date | null } | { kind: "enabled" } | { kind: "sessions_ended" } | { kind: "mfa_removed" },
  reason: string,
): void {
  const at = new Date();
  switch (action.kind) {
    case "disabled":
      return sendMail(mails.accountDisabled(email, reason, action.until, at));
    case "enabled":
      return sendMail(mails.accountEnabled(email, reason, at));
    case "sessions_ended":
      return sendMail(mails.sessionsEndedByAdmin(email, reason, at));
    case "mfa_removed":
      return sendMail(mails.mfaRemovedByAdmin(email, reason, at));
  }
}

/** The first sign-in from a browser or client without the account's device token. */
export function noticeNewDevice(email: string, origin: { clientAddress: string; userAgent: string | null }): void {
  sendMail(mails.newDeviceSignIn(email, origin.userAgent, origin.clientAddress, new Date()));
}

/** Names the passkey, so an owner who has several knows which one, or that it is not theirs. */
export function noticePasskeyChanged(email: string, name: string, change: "added" | "removed"): void {
  sendMail(change === "added" ? mails.passkeyAdded(email, name, new Date()) : mails.passkeyRemoved(email, name, new Date()));
}

/** A reused refresh token ended this session: tell the owner which device, and when. */
export async function noticeSessionReused(sessionId: string): Promise<void> {
  const db = await getDb();
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { userAgent: true, endedAt: true, user: { select: { email: true } } },
  });
  if (session) sendMail(mails.sessionEndedForReuse(session.user.email, session.userAgent, session.endedAt ?? new Date()));
}
