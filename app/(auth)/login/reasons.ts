// Why someone arrived at the login page, from its `?reason=`, and the message it shows
// (never free text from the URL, which anyone could write).
const REASON_MESSAGES = {
  "signed-out": "You've signed out.",
  "signed-out-everywhere": "You've signed out on every device.",
  "session-ended": "Your session has ended. Please sign in again.",
  "account-deleted": "Your account and all its items have been deleted.",
  "password-reset": "Your password is reset. Sign in with the new one.",
  "not-me":
    "You're signed out on every device. We've emailed a link to reset your password to your account's address: choose a new password with it before you sign in.",
  "not-me-no-mail":
    "You're signed out on every device, but the reset link couldn't be sent just now. Use “Forgot password?” below to get one.",
} as const;

export function reasonMessage(reason: unknown): string | null {
  return typeof reason === "string" && reason in REASON_MESSAGES ? REASON_MESSAGES[reason as keyof typeof REASON_MESSAGES] : null;
}

/**
 * Arrivals that just ended the session here: there is nothing to resume, so no check. A
 * password reset ends every session of the account, and "This wasn't me" ends them all.
 */
const ENDED_HERE = new Set(["signed-out", "signed-out-everywhere", "account-deleted", "password-reset", "not-me", "not-me-no-mail"]);

export function sessionJustEnded(reason: unknown): boolean {
  return typeof reason === "string" && ENDED_HERE.has(reason);
}
