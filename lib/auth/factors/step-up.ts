// The step-up rule for sensitive actions (changing the password or email, deleting the
// account, second factors, passkeys, admin writes): when the account has TOTP, a session at
// aal 2; and a proof within REAUTH_MAX_AGE seconds, either the session's auth_time or the
// current password sent with the request. Otherwise 401 with RFC 9470's challenge, which
// says what is missing. Pure: lib/auth/factors/sensitive.ts reads its inputs.
import { bearerChallenge } from "@/lib/http/challenge";
import { HttpError } from "@/lib/http/problem";

export type StepUpInput = {
  aal: number;
  authTime: Date;
  hasTotp: boolean;
  /** REAUTH_MAX_AGE, in seconds. */
  maxAge: number;
  /** The request carried the current password, and it was right. */
  passwordVerified: boolean;
  now?: Date;
};

/** Null when the action may go ahead; the 401 `step_up_required` to answer otherwise. */
export function stepUpChallenge(input: StepUpInput): HttpError | null {
  const { aal, authTime, hasTotp, maxAge, passwordVerified, now = new Date() } = input;
  const needsAal2 = hasTotp && aal < 2;
  const recent = passwordVerified || now.getTime() - authTime.getTime() <= maxAge * 1000;
  if (!needsAal2 && recent) return null;
  const detail = needsAal2
    ? "This action needs a second factor: reauthenticate with a code from your authenticator app or a recovery code."
    : "This action needs a recent sign-in: reauthenticate with your password.";
  const challenge = [
    bearerChallenge(),
    'error="insufficient_user_authentication"',
    `error_description="${needsAal2 ? "A second factor is required" : "A more recent authentication is required"}"`,
    `max_age=${maxAge}`,
    ...(needsAal2 ? ['acr_values="aal2"'] : []),
  ].join(", ");
  return new HttpError(401, { code: "step_up_required", detail, headers: { "www-authenticate": challenge } });
}

/** Throws the challenge when the action may not go ahead. */
export function requireStepUp(input: StepUpInput): void {
  const challenge = stepUpChallenge(input);
  if (challenge) throw challenge;
}
