// The browser's one way to call the API: JSON in and out, problem+json turned into a
// typed ApiError (lib/client/problem.ts), and a silent token refresh (lib/client/session-refresh.ts).
// The access cookie lives ACCESS_TOKEN_TTL seconds (900 by default). A request made just
// before it expires refreshes first; one refused because it has expired (401
// token_expired, or the cookie is gone: authentication_required) refreshes and is sent
// once more, so a user whose refresh session lives never notices.
import { ApiError, readProblem, readRetryAfter } from "@/lib/client/problem";
import { noteGrant, refreshedSince, refreshIfExpiring, refreshSession } from "@/lib/client/session-refresh";

export { ApiError, refreshSession };
export type { FieldError, Problem } from "@/lib/client/problem";

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
  const refreshes = options.refresh !== false;
  if (refreshes) await refreshIfExpiring();
  const startedAt = Date.now();
  let response = await send(path, options);
  if (response.status === 401 && refreshes) {
    const problem = await readProblem(response.clone());
    if (!REFRESHABLE.has(problem.code)) return leaveForLogin();
    // Another caller, or another tab, may have refreshed while this request was on its way: just retry.
    const refreshed = refreshedSince(startedAt) || (await refreshSession());
    if (!refreshed) return leaveForLogin();
    response = await send(path, options);
    if (response.status === 401) return leaveForLogin();
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
  const body = (await response.json()) as T;
  // A signup or login answers with a grant (the refresh's is read where it is sent).
  if (isGrant(body)) noteGrant(body.expires_in);
  return body;
}

function isGrant(body: unknown): body is { expires_in: number } {
  return typeof body === "object" && body !== null && "token_type" in body && "expires_in" in body && typeof body.expires_in === "number";
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
function leaveForLogin(): Promise<never> {
  window.location.assign(loginUrl());
  return new Promise<never>(() => {});
}
