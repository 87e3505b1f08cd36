// What a security event means, in a sentence for the person it happened to (their
// "Security activity") or for an admin reading the trail. One sentence per type and
// outcome; `details`, where the trail has them (an admin's view), say why a sign-in failed.
import type { AuditEventType } from "@/lib/audit/events";

export type EventFacts = {
  type: AuditEventType;
  outcome: "success" | "failure";
  /** Who acted, as the activity says it ("self") or the trail does ("user"). */
  actor?: "self" | "user" | "admin" | "system";
  details?: Record<string, string | number | boolean | null> | null;
};

const DONE: Record<AuditEventType, string> = {
  signup: "Account created",
  login: "Signed in",
  second_step: "Passed two-step sign-in",
  passkey_login: "Signed in with a passkey",
  logout: "Signed out",
  refresh_reuse: "A stolen sign-in was detected and stopped",
  session_ended: "A session ended",
  password_changed: "Password changed",
  password_reset_requested: "Password reset link requested",
  password_reset: "Password reset",
  email_verified: "Email address confirmed",
  email_change_requested: "Email change requested",
  email_changed: "Email address changed",
  email_reverted: "Email change undone",
  totp_enabled: "Two-step sign-in turned on",
  totp_disabled: "Two-step sign-in turned off",
  recovery_codes_created: "New recovery codes made",
  recovery_code_used: "A recovery code was used",
  passkey_added: "Passkey added",
  passkey_removed: "Passkey removed",
  account_deleted: "Account deleted",
  user_disabled: "Account disabled",
  user_enabled: "Account enabled again",
  user_sessions_ended: "Signed out everywhere",
  user_mfa_removed: "Two-step sign-in removed",
  audit_purged: "Old events removed from the trail",
};

const FAILED: Partial<Record<AuditEventType, string>> = {
  login: "Failed sign-in",
  second_step: "Failed two-step sign-in",
  passkey_login: "Failed passkey sign-in",
  password_changed: "Failed password change",
  password_reset: "Failed password reset",
  recovery_code_used: "Failed recovery code",
};

// Why an attempt failed, as the trail records it (`details.why`).
const WHY: Record<string, string> = {
  wrong_password: "wrong password",
  invalid_credentials: "wrong password",
  unknown_email: "no such account",
  locked: "too many attempts",
  rate_limited: "too many attempts",
  disabled: "account disabled",
  account_disabled: "account disabled",
  wrong_code: "wrong code",
  invalid_mfa_code: "wrong code",
  wrong_passkey: "passkey not accepted",
  expired: "took too long",
};

export function describeEvent({ type, outcome, actor, details }: EventFacts): string {
  if (outcome === "failure") {
    const words = FAILED[type] ?? `${DONE[type]} (failed)`;
    const why = typeof details?.why === "string" ? (WHY[details.why] ?? details.why.replaceAll("_", " ")) : null;
    return why ? `${words}: ${why}` : words;
  }
  const words = DONE[type];
  // The account's owner reads who did it in the sentence itself.
  if (actor === "admin") return `${words} by an administrator`;
  return words;
}
