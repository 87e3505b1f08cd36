// 401 answers with the WWW-Authenticate challenge of RFC 6750 §3. Edge-safe: the
// middleware and the route handlers answer a bad token the same way.
import { HttpError, type ErrorCode } from "@/lib/http/problem";

const REALM = 'Bearer realm="jwt-items"';

/** The WWW-Authenticate value of every 401, with RFC 6750's error code when there is one. */
export function bearerChallenge(error?: "invalid_token", description?: string): string {
  if (!error) return REALM;
  return `${REALM}, error="${error}"${description ? `, error_description="${description}"` : ""}`;
}

type UnauthorizedCode = Extract<
  ErrorCode,
  "authentication_required" | "invalid_token" | "token_expired" | "session_revoked"
>;

const DETAILS: Record<UnauthorizedCode, string> = {
  authentication_required: "Send an access token: Authorization: Bearer <token>.",
  invalid_token: "The access token is invalid.",
  token_expired: "The access token has expired. Refresh it at /api/auth/refresh.",
  session_revoked: "This session has ended. Log in again.",
};

export function unauthorized(code: UnauthorizedCode): HttpError {
  // §3.1: a request with no credentials gets a bare challenge, without an error code.
  const challenge =
    code === "authentication_required" ? bearerChallenge() : bearerChallenge("invalid_token", DETAILS[code]);
  return new HttpError(401, { code, detail: DETAILS[code], headers: { "www-authenticate": challenge } });
}

/**
 * A 401 of an endpoint's own (wrong credentials, an unusable refresh or sign-in token):
 * no access token was at fault, so the challenge is the bare one (§3.1).
 */
export function unauthorizedAs(code: ErrorCode, detail: string): HttpError {
  return new HttpError(401, { code, detail, headers: { "www-authenticate": bearerChallenge() } });
}
