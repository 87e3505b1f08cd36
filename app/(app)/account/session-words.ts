// Why a session ended, said the way its owner would put it.
import type { SessionEndReason } from "@/lib/auth/responses";

export const END_REASONS: Record<SessionEndReason, string> = {
  logout: "Signed out",
  logout_everywhere: "Signed out everywhere",
  refresh_reuse: "Ended for your safety: its sign-in token was used twice",
  password_change: "Ended by a password change",
  password_reset: "Ended by a password reset",
  revoked: "Signed out from another device",
  expired: "Expired",
  mfa_enabled: "Ended when two-step sign-in was turned on",
  disabled: "Ended when an administrator disabled the account",
  revoked_by_admin: "Signed out by an administrator",
  email_reverted: "Ended when the account's email address was put back",
};
