// Errors as the API answers them: RFC 9457 problem+json with a stable `code`. Every code
// is listed here, and the OpenAPI document lists them from here. Edge-safe: middleware
// answers its 401s with problem() too.
/**
 * Every `code` an error response can carry: stable words that clients may branch on.
 * The OpenAPI document lists them from here.
 */
export const ERROR_CODES = {
  validation_failed: "A field is missing or invalid; `errors` names each one.",
  malformed_json: "The request body is not valid JSON.",
  body_required: "The endpoint needs a request body.",
  body_too_large: "The request body is larger than 16 KiB.",
  body_timeout: "The request body did not arrive in time; the connection is closed.",
  headers_too_large: "The request's headers, cookies included, exceed 16 KiB.",
  uri_too_long: "The request's path and query exceed 4 KiB.",
  request_timeout: "The request's headers did not arrive in time; the connection is closed.",
  malformed_request: "The request is not well-formed HTTP.",
  unsupported_media_type: "The request body has a media type the endpoint does not accept.",
  authentication_required: "No access token was sent.",
  invalid_token: "The access token is malformed, forged, or not for this API.",
  token_expired: "The access token has expired; refresh it.",
  session_revoked: "The session behind the token has ended (logout, password change, reuse, deletion).",
  invalid_credentials: "The email or password is wrong.",
  invalid_refresh_token: "The refresh token is unknown or malformed.",
  refresh_token_expired: "The refresh token has expired; log in again.",
  refresh_token_reused: "A refresh token was used again after rotation; the session was ended.",
  email_taken: "An account with that email already exists.",
  invalid_reset_token: "The password-reset link is unknown, used, expired, or replaced by a newer one.",
  invalid_verification_token: "The email confirmation link is unknown, used, expired, or replaced by a newer one.",
  invalid_revert_token: "The link that undoes an email change is unknown, used or expired.",
  email_already_verified: "The account's email address is verified already.",
  wrong_account: "The mailed link belongs to another account than the one signed in.",
  item_name_taken: "You already have an item with that name.",
  rate_limited: "Too many attempts; wait for Retry-After seconds.",
  invalid_mfa_code: "The code or recovery code is wrong, or the passkey is not one of the account's or does not verify.",
  invalid_mfa_token: "The login's second step is unknown, used, expired, or was begun from another address; log in again.",
  mfa_already_enabled: "TOTP is on already; turn it off before setting it up again.",
  mfa_not_enabled: "TOTP is not on for this account.",
  no_passkeys: "This account has no passkeys.",
  no_pending_setup: "No TOTP setup is waiting to be confirmed: none was started, or it is older than 10 minutes.",
  invalid_passkey_response: "The passkey response does not answer a live challenge of this ceremony, or fails WebAuthn's checks (origin, RP id, user verification).",
  invalid_passkey: "The passkey is unknown or was removed, or its response is not valid (a used or expired challenge, a bad signature, no user verification, a counter that went backwards).",
  step_up_required: "The action needs a recent proof, and a second factor when the account has one; WWW-Authenticate says which.",
  csrf_failed: "A cookie-authenticated request came from another origin.",
  admin_required: "Only administrators may do this.",
  account_disabled: "An administrator disabled the account; `detail` says until when, if there is an end.",
  cannot_disable_self: "An administrator cannot disable their own account.",
  not_found: "There is no such resource, or it is not yours.",
  method_not_allowed: "The endpoint does not support this method.",
  precondition_failed: "If-Match does not match the current ETag.",
  database_unavailable: "The database cannot be reached; retry after Retry-After seconds.",
  internal_error: "An unexpected error; the detail holds a request id for the logs.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldError = { path: string; message: string };

type ProblemInit = {
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  headers?: HeadersInit;
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  431: "Request Header Fields Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** An error with an HTTP meaning. Thrown anywhere below a handler; answered as problem+json. */
export class HttpError extends Error {
  override name = "HttpError";
  readonly status: number;
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: HeadersInit | undefined;

  constructor(status: number, init: ProblemInit) {
    super(init.detail);
    this.status = status;
    this.code = init.code;
    this.errors = init.errors;
    this.headers = init.headers;
  }
}

/** The one shape of every error response. */
export function problem(status: number, init: ProblemInit): Response {
  const body = {
    type: `/docs#error-${init.code}`,
    title: TITLES[status] ?? "Error",
    status,
    detail: init.detail,
    code: init.code,
    ...(init.errors ? { errors: init.errors } : {}),
  };
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/problem+json");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status, headers });
}
