// The browser's one way to call the API: `call(items.createItem, { body })`, with the
// endpoint from the generated table lib/api/endpoints.ts and every type (parameters,
// query, body, reply) from its operation. JSON in and out, problem+json turned into a
// typed ApiError (lib/client/problem.ts), and a silent token refresh
// (lib/client/session-refresh.ts): the access cookie lives ACCESS_TOKEN_TTL seconds (900
// by default), so a request made just before it expires refreshes first, and one
// refused because it has expired (401 token_expired, or the cookie is gone:
// authentication_required) refreshes and is sent once more. Public endpoints never
// refresh: their 401 means a wrong password, not an old token.
import type { BodyIn, Endpoint, ParamsIn, QueryIn, ReplyIn } from "@/lib/api/endpoint";
import { endpointPath } from "@/lib/api/endpoint";
import type { Operation } from "@/lib/api/operation";
import { ApiError, readProblem, readRetryAfter } from "@/lib/client/problem";
import { noteGrant, refreshedSince, refreshIfExpiring, refreshSession } from "@/lib/client/session-refresh";

export { ApiError, refreshSession };
export type { FieldError, Problem } from "@/lib/client/problem";

type Given<K extends string, T> = [T] extends [undefined] ? { readonly [P in K]?: never } : { readonly [P in K]: T };
/** A body the operation may go without (`required: false`) may be left out. */
type BodyGiven<O extends Operation> = O["body"] extends { required: false } ? { readonly body?: BodyIn<O> } : Given<"body", BodyIn<O>>;

export type CallOptions<O extends Operation> = Given<"params", ParamsIn<O>> &
  BodyGiven<O> & {
    readonly query?: QueryIn<O>;
    readonly signal?: AbortSignal;
    /** Extra request headers, e.g. If-Match for a conditional update. */
    readonly headers?: Readonly<Record<string, string>>;
  };

/** No options at all where the operation needs none. */
type Rest<O extends Operation> = object extends CallOptions<O> ? [options?: CallOptions<O>] : [options: CallOptions<O>];

// A refresh helps only when the token is merely old; a revoked session or a forged token
// cannot be refreshed back to life.
const REFRESHABLE = new Set(["token_expired", "authentication_required"]);
// A live session that must prove itself again for this action (Step-up): the page asks
// the user and reauthenticates, so the answer goes to it, never to the login page.
const FOR_THE_PAGE = new Set(["step_up_required"]);

/** Calls an endpoint and returns its reply (undefined for 204), or throws ApiError. */
export async function call<O extends Operation>(to: Endpoint<O>, ...[options]: Rest<O>): Promise<ReplyIn<O>> {
  return (await parse(await request(to, sent(options)))) as ReplyIn<O>;
}

/** As `call`, with the reply's headers too (an ETag to send back as If-Match). */
export async function callWithHeaders<O extends Operation>(to: Endpoint<O>, ...[options]: Rest<O>): Promise<{ data: ReplyIn<O>; headers: Headers }> {
  const response = await request(to, sent(options));
  return { data: (await parse(response)) as ReplyIn<O>, headers: response.headers };
}

type Sent = { params?: Record<string, unknown>; body?: unknown; query?: object; signal?: AbortSignal; headers?: Readonly<Record<string, string>> };

const sent = (options: object | undefined) => (options ?? {}) as Sent;

async function request(to: Endpoint, options: Sent): Promise<Response> {
  const refreshes = to.access !== "public";
  if (refreshes) await refreshIfExpiring();
  const startedAt = Date.now();
  let response = await send(to, options);
  if (response.status === 401 && refreshes) {
    const problem = await readProblem(response.clone());
    if (FOR_THE_PAGE.has(problem.code)) return response;
    if (!REFRESHABLE.has(problem.code)) return leaveForLogin();
    // Another caller, or another tab, may have refreshed while this request was on its way: just retry.
    const refreshed = refreshedSince(startedAt) || (await refreshSession());
    if (!refreshed) return leaveForLogin();
    response = await send(to, options);
    if (response.status === 401 && !FOR_THE_PAGE.has((await readProblem(response.clone())).code)) return leaveForLogin();
  }
  return response;
}

function send(to: Endpoint, options: Sent): Promise<Response> {
  const hasBody = options.body !== undefined;
  return fetch(withQuery(endpointPath(to, options.params), options.query), {
    method: to.method,
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

function withQuery(path: string, query: object | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function parse(response: Response): Promise<unknown> {
  if (!response.ok) {
    throw new ApiError(await readProblem(response), readRetryAfter(response));
  }
  if (response.status === 204) return undefined;
  const body: unknown = await response.json();
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
