// The browser's one way to call the API: JSON in and out, problem+json turned into a
// typed ApiError, and a silent token refresh. The access cookie lives ACCESS_TOKEN_TTL
// seconds (900 by default); when it has expired (401 token_expired, or the cookie is gone:
// authentication_required) the client trades the refresh cookie for a new pair once and
// retries, so a user whose refresh session lives never notices. Concurrent callers share
// one in-flight refresh: the server rotates the refresh token on every use, and a burst of
// parallel refreshes would only churn through its reuse grace window.
import type { FieldError } from "@/lib/http/problem";

export type { FieldError };

export type Problem = { status: number; code: string; detail: string; errors: FieldError[] };

export class ApiError extends Error implements Problem {
  override name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** Seconds from the Retry-After header (429, 503), when the server sent one. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail);
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors;
    this.retryAfter = retryAfter;
  }

  /** The message for one field (by its path, e.g. "price"), if the server named it. */
  fieldError(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message;
  }
}

type Query = Record<string, string | number | undefined | null>;

export type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Extra request headers, e.g. If-Match for a conditional update. */
  headers?: Readonly<Record<string, string>>;
  /** Off for the auth endpoints themselves: their 401 means "wrong password", not "expired". */
  refresh?: boolean;
};

// A refresh helps only when the token is merely old; a revoked session or a forged token
// cannot be refreshed back to life.
const REFRESHABLE = new Set(["token_expired", "authentication_required"]);

let inflightRefresh: Promise<boolean> | null = null;
let lastRefreshAt = 0;

/**
 * Trades the refresh cookie for fresh cookies. Callers that arrive while one is under
 * way wait for that one instead of starting another.
 */
export function refreshSession(): Promise<boolean> {
  inflightRefresh ??= postRefresh().finally(() => {
    inflightRefresh = null;
  });
  return inflightRefresh;
}

async function postRefresh(): Promise<boolean> {
  try {
    const response = await fetch("/api/auth/refresh", {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
    if (response.ok) lastRefreshAt = Date.now();
    return response.ok;
  } catch {
    return false;
  }
}

/** Calls the API and returns the parsed JSON body (undefined for 204), or throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return parse<T>(await request(path, options));
}

/** As `api`, with the response's headers too (an ETag to send back as If-Match). */
export async function apiWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<{ data: T; headers: Headers }> {
  const response = await request(path, options);
  return { data: await parse<T>(response), headers: response.headers };
}

async function request(path: string, options: RequestOptions): Promise<Response> {
  const startedAt = Date.now();
  let response = await send(path, options);
  if (response.status === 401 && options.refresh !== false) {
    const problem = await readProblem(response.clone());
    if (!REFRESHABLE.has(problem.code)) return signInAgain();
    // Another caller may have refreshed while this request was on its way: just retry.
    const refreshed = lastRefreshAt > startedAt || (await refreshSession());
    if (!refreshed) return signInAgain();
    response = await send(path, options);
    if (response.status === 401) return signInAgain();
  }
  return response;
}

function send(path: string, options: RequestOptions): Promise<Response> {
  const hasBody = options.body !== undefined;
  return fetch(withQuery(path, options.query), {
    method: options.method ?? "GET",
    credentials: "same-origin",
    headers: {
      ...options.headers,
      accept: "application/json, application/problem+json",
      ...(hasBody ? { "content-type": "application/json" } : {}),
    },
    body: hasBody ? JSON.stringify(options.body) : null,
    signal: options.signal ?? null,
  });
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function parse<T>(response: Response): Promise<T> {
  if (!response.ok) {
    throw new ApiError(await readProblem(response), readRetryAfter(response));
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    status: response.status,
    code: response.status >= 500 ? "internal_error" : "unknown_error",
    detail: response.statusText || `The server answered ${response.status}.`,
    errors: [],
  };
  try {
    const body = (await response.json()) as Partial<Problem> | null;
    if (!body || typeof body !== "object") return fallback;
    return {
      status: response.status,
      code: typeof body.code === "string" ? body.code : fallback.code,
      detail: typeof body.detail === "string" ? body.detail : fallback.detail,
      errors: Array.isArray(body.errors) ? body.errors : [],
    };
  } catch {
    return fallback;
  }
}

// Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
function readRetryAfter(response: Response): number | null {
  const value = response.headers.get("retry-after");
  if (!value) return null;
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : null;
}

/** The login page, set to come back here afterwards and to say why the user is there. */
function loginUrl(): string {
  const here = window.location.pathname + window.location.search;
  return `/login?next=${encodeURIComponent(here)}&reason=session-ended`;
}

/**
 * The session is over: leave for the login page. The returned promise never settles,
 * so no caller flashes an error on a page that is already going away.
 */
function signInAgain(): Promise<never> {
  window.location.assign(loginUrl());
  return new Promise<never>(() => {});
}
