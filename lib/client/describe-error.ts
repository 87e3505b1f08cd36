// The API's errors in words a person understands. The API's own `detail` is written
// for developers; these say what happened and what to do next.
import { ApiError } from "@/lib/client/api";
import { describeWait, tooManyAttempts } from "@/lib/wait-words";

const MESSAGES: Partial<Record<string, string>> = {
  invalid_credentials: "That email and password don't match an account. Check them and try again.",
  email_taken: "An account with this email already exists. Sign in instead, or use another email.",
  item_name_taken: "You already have an item with this name. Choose another name.",
  not_found: "That no longer exists. It may have been deleted elsewhere.",
  admin_required: "Only administrators can do this.",
  csrf_failed: "This request was blocked because it didn't come from this site. Reload the page and try again.",
  precondition_failed: "This was changed elsewhere in the meantime. Reload and try again.",
  body_too_large: "That's too much text to save. Shorten it and try again.",
  // Second factors and step-up: the dialog that asks is left without proof (cancelled).
  step_up_required: "This change needs you to confirm it's you. Try again, and enter what the dialog asks for.",
  invalid_mfa_code: "That code isn't right. Check it and try again.",
  invalid_mfa_token: "This sign-in took too long or had too many wrong codes. Start again with your password.",
  mfa_already_enabled: "Two-step sign-in is already on for this account.",
  mfa_not_enabled: "Two-step sign-in is already off for this account.",
  no_pending_setup: "This setup has expired: it lasts 10 minutes. Start again to get a new QR code.",
};

export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return "We couldn't reach the server. Check your connection and try again.";
  }
  // The words of the 429's own detail, from its Retry-After.
  if (error.code === "rate_limited") return tooManyAttempts(error.retryAfter);
  if (error.code === "database_unavailable" || error.status === 503) {
    const wait = error.retryAfter === null ? "a moment" : describeWait(error.retryAfter);
    return `The service is briefly unavailable. Try again in ${wait}.`;
  }
  if (error.code === "validation_failed") return "Some fields need attention. Check the messages below each one.";
  if (error.status >= 500) return "Something went wrong on our side. Try again in a moment.";
  return MESSAGES[error.code] ?? error.detail;
}

/** True for the errors a user can do nothing about but wait or retry. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500 || error.status === 429;
}
