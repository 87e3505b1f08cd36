// What the audit trail records: the event types (the README's list of security events),
// who acted, and what one event holds. Written once: the recorder, the verifier, the
// activity pages and the API's schemas read these.

export const AUDIT_EVENT_TYPES = [
  "signup",
  "login",
  "second_step",
  "passkey_login",
  "logout",
  "refresh_reuse",
  "session_ended",
  "password_changed",
  "password_reset_requested",
  "password_reset",
  "email_verified",
  "email_change_requested",
  "email_changed",
  "email_reverted",
  "totp_enabled",
  "totp_disabled",
  "recovery_codes_created",
  "recovery_code_used",
  "passkey_added",
  "passkey_removed",
  "account_deleted",
  "user_disabled",
  "user_enabled",
  "user_sessions_ended",
  "user_mfa_removed",
  "audit_purged",
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
export type AuditOutcome = "success" | "failure";

/**
 * Who acted: someone with the account's credentials (no id when the email has no account),
 * an admin (with their id), or the app on its own.
 */
export type AuditActor = { kind: "user"; id: string | null } | { kind: "admin"; id: string } | { kind: "system" };

export type AuditEventInput = {
  type: AuditEventType;
  outcome?: AuditOutcome;
  actor: AuditActor;
  /** The account the event is about; null when there is none (a login for an unknown email). */
  targetId?: string | null;
  sessionId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** An admin's stated reason; required for admin actions by their endpoints. */
  reason?: string | null;
  /** Small facts of the event: why a login failed, how many recovery codes are left. */
  details?: Record<string, string | number | boolean | null> | null;
};
