// What the bench measures. A scenario is one or more loads run at the same time on one
// target; every load names the status it expects, and anything else is counted.
import { accessToken } from "./seed.mjs";

const ITEMS = "/api/items?limit=20";
const LOGIN = "/api/auth/login";

export const SCENARIOS = [
  {
    name: "items",
    what: "GET /api/items?limit=20 with a Bearer token: verify the JWT, check the session, read a page",
    loads: [{ label: "", method: "GET", path: ITEMS, auth: "bearer", connections: 32, expect: "2xx" }],
  },
  {
    name: "reject",
    what: "the same path with no token: the cost of turning a request away (401)",
    loads: [{ label: "", method: "GET", path: ITEMS, auth: "none", connections: 32, expect: 401 }],
  },
  {
    name: "login",
    what: "POST /api/auth/login with the seeded user: bcrypt (cost 10) plus a new session",
    loads: [{ label: "", method: "POST", path: LOGIN, auth: "login", connections: 4, expect: "2xx" }],
  },
  {
    name: "storm",
    what: "item reads (-c8) measured while logins (-c4) run non-stop on the same target: do logins starve reads? goal: reads p99 < 50 ms",
    loads: [
      { label: "reads", method: "GET", path: ITEMS, auth: "bearer", connections: 8, expect: "2xx" },
      { label: "logins", method: "POST", path: LOGIN, auth: "login", connections: 4, expect: "2xx" },
    ],
  },
  {
    name: "page",
    what: "GET /items, a server-rendered page, signed in by the access_token cookie",
    appOnly: true,
    loads: [{ label: "", method: "GET", path: "/items", auth: "cookie", connections: 32, expect: "2xx" }],
  },
  {
    name: "bare",
    what: "GET /api/openapi.json: a route handler with no database work, i.e. Next's own cost",
    appOnly: true,
    loads: [{ label: "", method: "GET", path: "/api/openapi.json", auth: "none", connections: 32, expect: "2xx" }],
  },
  {
    name: "notfound",
    what: "GET of an unknown /api/* path: the edge middleware alone, then 404",
    appOnly: true,
    loads: [{ label: "", method: "GET", path: "/api/bench-no-such-endpoint", auth: "none", connections: 32, expect: 404 }],
  },
];

/** The request a load sends to one target: URL, method, headers and body. */
export async function requestFor(load, server, session) {
  const headers = {};
  let body;
  if (load.auth === "bearer") headers.Authorization = `Bearer ${await accessToken(server, session)}`;
  if (load.auth === "cookie") headers.Cookie = `access_token=${await accessToken(server, session)}`;
  if (load.auth === "login") body = JSON.stringify(session.credentials);
  return { url: `${server.url}${load.path}`, method: load.method, headers, body };
}

/** Sends the load's request once, so a wrong answer (a redirect, a 500) stops it early. */
export async function probe(request) {
  const response = await fetch(request.url, {
    method: request.method,
    headers: { ...request.headers, ...(request.body ? { "content-type": "application/json" } : {}) },
    body: request.body,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { status: response.status, bodyBytes: bytes };
}

export function statusMatches(status, expect) {
  return expect === "2xx" ? status >= 200 && status < 300 : status === expect;
}

/**
 * Responses outside what the load expects. wrk counts statuses of 400 and more
 * (errors.status): for a 2xx load each of those is unexpected; for a 401 or 404 load
 * every response should be one, so the unexpected ones are those below 400. (The probe
 * checks the exact status before each load, which catches a 3xx.)
 */
export function unexpectedResponses(result, expect) {
  return expect === "2xx" ? result.errors.status : result.requests - result.errors.status;
}
