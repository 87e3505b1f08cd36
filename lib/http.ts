// The HTTP edge of every route handler: problem+json errors (RFC 9457), request body
// parsing with the contract's limits, and one wrapper that turns any thrown error into
// a well-formed response. Route handlers only throw HttpError or return json().
// Edge-safe: middleware answers its 401s with problem() too.
import type { z } from "zod";

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
  email_already_verified: "The account's email address is verified already.",
  item_name_taken: "You already have an item with that name.",
  rate_limited: "Too many attempts; wait for Retry-After seconds.",
  csrf_failed: "A cookie-authenticated request came from another origin.",
  admin_required: "Only administrators may do this.",
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

export function json(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(data), { status: init.status ?? 200, headers });
}

export function noContent(headers?: HeadersInit): Response {
  return new Response(null, { status: 204, headers });
}

export const MAX_BODY_BYTES = 16 * 1024;

type BodyOptions = { allowForm?: boolean; optional?: boolean };

/**
 * Reads a JSON (or, where allowed, form-encoded) body within the contract's limits:
 * 415 for another media type, 413 past 16 KiB (counted while streaming, so a lying
 * Content-Length gains nothing), 400 for malformed JSON.
 */
export async function readBody(request: Request, options: BodyOptions = {}): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const text = await readLimitedText(request);
  if (text.length === 0 && options.optional) return {};
  if (type === "application/json" || type.endsWith("+json")) return parseJson(text);
  if (options.allowForm && type === "application/x-www-form-urlencoded") {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type === "" && text.length === 0) {
    throw new HttpError(400, { code: "body_required", detail: "A JSON request body is required." });
  }
  const accepted = options.allowForm
    ? "application/json or application/x-www-form-urlencoded"
    : "application/json";
  throw new HttpError(415, {
    code: "unsupported_media_type",
    detail: `The request body must be ${accepted}.`,
    headers: { "accept-post": accepted },
  });
}

async function readLimitedText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function tooLarge(): HttpError {
  return new HttpError(413, {
    code: "body_too_large",
    detail: `The request body must be at most ${MAX_BODY_BYTES} bytes.`,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, { code: "malformed_json", detail: "The request body is not valid JSON." });
  }
}

/** Validates input with a zod schema; 400 `validation_failed` names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const withNul = nulPaths(input);
  const result = withNul.length === 0 ? schema.safeParse(input) : null;
  if (result?.success) return result.data;
  const errors = result
    ? result.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "body", message: issue.message }))
    : withNul.map((path) => ({ path: path || "body", message: "Must not contain a NUL character." }));
  throw new HttpError(400, {
    code: "validation_failed",
    detail: "Some fields are missing or invalid.",
    errors,
  });
}

/**
 * Where a NUL character hides in parsed input, by path. PostgreSQL text cannot store NUL,
 * so every field (any schema, any depth) refuses it here with a 400, never a 500.
 */
function nulPaths(value: unknown, path = "", depth = 0): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path] : [];
  if (depth > 8 || value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => nulPaths(inner, path ? `${path}.${key}` : key, depth + 1));
}

/**
 * Whether the client reached the app over HTTPS: directly, or through a TLS-terminating
 * proxy that says so (a client faking it only makes its own cookies stricter).
 */
export function isHttps(request: Request): boolean {
  return (
    new URL(request.url).protocol === "https:" ||
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https"
  );
}

/** Validates the query string with a zod schema (400 `validation_failed` on failure). */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.output<S> {
  return parseInput(schema, Object.fromEntries(new URL(request.url).searchParams));
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: HttpErrors become their problem+json, an unreachable database
 * becomes 503 with Retry-After, anything else is logged with a request id and answered
 * with a generic 500 that leaks nothing.
 */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return problem(error.status, {
      code: error.code,
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...(error.headers ? { headers: error.headers } : {}),
    });
  }
  if (isDatabaseUnavailable(error)) {
    return problem(503, {
      code: "database_unavailable",
      detail: "The database cannot be reached. Try again shortly.",
      headers: { "retry-after": "5" },
    });
  }
  const requestId = crypto.randomUUID();
  console.error(`[${requestId}] unhandled error`, error);
  return problem(500, {
    code: "internal_error",
    detail: `Something went wrong on our side (request ${requestId}).`,
  });
}

// Prisma's codes for "cannot reach / lost / timed out waiting for the database", the
// driver adapter's own kinds (raw queries report those, under P2010), and the socket
// errors that the pg driver surfaces before Prisma wraps them.
const UNAVAILABLE_CODES = new Set([
  "P1001", "P1002", "P1008", "P1017", "P2024",
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P03",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

type MaybeDbError = {
  code?: unknown;
  name?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== "object") return false;
    const { code, name, cause, meta } = e as MaybeDbError;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (UNAVAILABLE_KINDS.has(String(meta?.driverAdapterError?.cause?.kind))) return true;
    if (name === "PrismaClientInitializationError") return true;
    e = cause;
  }
  return false;
}
