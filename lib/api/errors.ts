// Error responses that whole kinds of operation share, with the codes each can carry.
import type { ErrorSpec } from "@/lib/api/operation";

export const COMMON_ERRORS = {
  badBody: {
    status: 400,
    codes: ["validation_failed", "malformed_json", "body_required"],
    description: "The body is missing, not valid JSON, or has invalid fields (`errors` names each one).",
  },
  badQuery: {
    status: 400,
    codes: ["validation_failed"],
    description: "A query parameter is invalid (`errors` names each one).",
  },
  tooLarge: { status: 413, codes: ["body_too_large"], description: "The body is larger than 16 KiB." },
  slowBody: {
    status: 408,
    codes: ["body_timeout"],
    description: "The body did not arrive within `REQUEST_BODY_TIMEOUT` seconds of the headers (under `npm start`).",
  },
  headersTooLarge: {
    status: 431,
    codes: ["headers_too_large"],
    description: "The headers, cookies included, exceed 16 KiB (under `npm start`).",
  },
  uriTooLong: {
    status: 414,
    codes: ["uri_too_long"],
    description: "The path and query exceed 4 KiB (under `npm start`).",
  },
  mediaType: {
    status: 415,
    codes: ["unsupported_media_type"],
    description: "The body has a media type this endpoint does not accept.",
    headers: ["Accept-Post"],
  },
  unauthenticated: {
    status: 401,
    codes: ["authentication_required", "invalid_token", "token_expired", "session_revoked"],
    description: "No access token, or one that is invalid, expired, or whose session has ended (RFC 6750 challenge).",
    headers: ["WWW-Authenticate"],
  },
  crossSite: {
    status: 403,
    codes: ["csrf_failed"],
    description: "Authenticated by cookie, but sent from another origin.",
  },
  stepUp: {
    status: 401,
    codes: ["step_up_required"],
    description:
      "A sensitive action: the session needs `aal` 2 when the account has TOTP, and a proof within `REAUTH_MAX_AGE` " +
      "seconds (`POST /api/auth/reauthenticate`). `WWW-Authenticate: Bearer error=\"insufficient_user_authentication\", " +
      "max_age=…` (RFC 9470), with `acr_values=\"aal2\"` when a second factor is what is missing.",
    headers: ["WWW-Authenticate"],
  },
  adminRequired: { status: 403, codes: ["admin_required"], description: "The caller is not an administrator." },
  rateLimited: {
    status: 429,
    codes: ["rate_limited"],
    description: "Too many attempts; wait `Retry-After` seconds (`detail` says the wait in words).",
    headers: ["Retry-After"],
  },
  notFound: {
    status: 404,
    codes: ["not_found"],
    description: "No such resource, or it belongs to someone else (existence is not revealed).",
  },
  databaseDown: {
    status: 503,
    codes: ["database_unavailable"],
    description: "The database cannot be reached or refuses connections; retry after `Retry-After` seconds.",
    headers: ["Retry-After"],
  },
  internal: {
    status: 500,
    codes: ["internal_error"],
    description: "An unexpected error; `detail` holds a request id for the server's logs.",
  },
} as const satisfies Record<string, ErrorSpec>;

/** Signup, login and forgot-password refuse a browser form posted from another site. */
export const CROSS_SITE_FORM = {
  status: 403,
  codes: ["csrf_failed"],
  description: "A browser request from another site (login CSRF).",
} as const satisfies ErrorSpec;

export const WRONG_PASSWORD = {
  status: 403,
  codes: ["invalid_credentials"],
  description: "The password given is wrong (403, not 401: the caller stays logged in).",
} as const satisfies ErrorSpec;

export const ACCOUNT_DISABLED = {
  status: 403,
  codes: ["account_disabled"],
  description: "An administrator disabled the account; `detail` says until when, if there is an end.",
} as const satisfies ErrorSpec;

export const REFRESH_FAILED = {
  status: 401,
  codes: ["invalid_refresh_token", "refresh_token_expired", "refresh_token_reused", "session_revoked"],
  description:
    "The refresh token is missing, malformed (of any type: never 400), unknown, expired, or was replayed after rotation " +
    "(which ends the session).",
  headers: ["WWW-Authenticate"],
} as const satisfies ErrorSpec;
