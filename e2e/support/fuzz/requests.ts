// One generated request: an operation of the document (or a method or path it lacks),
// an id, a query, credentials, headers and a body. Parts that need the live account (a
// valid token, the user's own item, the right password) are functions of it, resolved
// only when the request is sent: accounts are replaced as the fuzzer's requests end them.
import fc from "fast-check";
import type { Operation } from "./document";
import { badToken, headerSafe, type Live } from "./tokens";
import { body } from "./bodies";
import { oddString, validValue } from "./values";

export type State = {
  origin: string;
  live: Live & { email: string; password: string; refreshToken: string };
  itemIds: string[];
  otherItemId: string;
  otherSessionId: string;
};

type Part<T> = { label: string; make: (state: State) => T };

export type Plan = {
  method: string;
  template: string;
  validToken: boolean;
  id: Part<string> | null;
  query: string;
  credentials: Part<Record<string, string>>;
  headers: Record<string, string>;
  body: { label: string; contentType: string | null; make: (state: State) => string | Uint8Array<ArrayBuffer> } | null;
};

/**
 * Percent-encodes UTF-8 bytes; unlike encodeURIComponent it never throws (a lone surrogate
 * becomes U+FFFD). At most 1000 bytes: the URL counts towards Node's 16 KiB header limit.
 */
export const percentEncode = (value: string) =>
  [...new TextEncoder().encode(value).slice(0, 1000)]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`))
    .join("");

const fixed = <T>(label: string, value: T): Part<T> => ({ label, make: () => value });

const BROKEN_ESCAPES = ["%ff", "%E0%A4%A", "%", "%%", "%zz", "%2", "abc%", "%C0%AF", "%ED%A0%80", "%00", "%2F", "..%2F..", "%0A", "%20"];
const NOT_IDS = ["not-a-uuid", "123", "-1", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "null", "undefined", "%7B%7D", "x".repeat(5000)];

const id: fc.Arbitrary<Part<string>> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Part<string>>({ label: "own item", make: (s) => s.itemIds[0] ?? crypto.randomUUID() }) },
  { weight: 1, arbitrary: fc.constant<Part<string>>({ label: "own item, upper case", make: (s) => (s.itemIds[0] ?? "").toUpperCase() }) },
  { weight: 1, arbitrary: fc.constant<Part<string>>({ label: "another user's item", make: (s) => s.otherItemId }) },
  { weight: 2, arbitrary: fc.constant<Part<string>>({ label: "own session", make: (s) => s.live.sessionId }) },
  { weight: 1, arbitrary: fc.constant<Part<string>>({ label: "another user's session", make: (s) => s.otherSessionId }) },
  { weight: 1, arbitrary: fc.uuid().map((u) => fixed("random uuid", u)) },
  { weight: 2, arbitrary: fc.constantFrom(...NOT_IDS).map((v) => fixed("not an id", v)) },
  { weight: 3, arbitrary: fc.constantFrom(...BROKEN_ESCAPES).map((v) => fixed("broken escape", v)) },
  { weight: 2, arbitrary: oddString.map((v) => fixed("odd string", percentEncode(v))) },
);

/** A query string, with raw (possibly broken) escapes where generated so. */
function query(operation: Operation | null): fc.Arbitrary<string> {
  const names = operation?.query ?? [];
  const value = (schema: Operation["query"][number]["schema"]) =>
    fc.oneof(
      validValue(schema, fc.constant("x")).map((v) => percentEncode(String(v))),
      oddString.map(percentEncode),
      fc.constantFrom(...BROKEN_ESCAPES, "", "-1", "0", "101", "1.5", "1e3", "99999999999999999999", "%00"),
    );
  const known = names.map(({ name, schema }) => value(schema).map((v) => `${name}=${v}`));
  const unknown = fc.oneof(
    fc.constantFrom("foo=bar", "__proto__=x", "limit", "=", "&&", "a[]=1&a[]=2", "%ff=1", "%=%", "sort=name&sort=-name"),
    fc.tuple(oddString, oddString).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`),
  );
  const part = known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...known) }, { weight: 1, arbitrary: unknown }) : unknown;
  const parts = fc.array(part, { minLength: 1, maxLength: 4 }).map((list) => `?${list.join("&")}`);
  return known.length > 0 ? sometimes(parts, 3, 1) : sometimes(parts, 1, 6);
}

/** `arbitrary` `present` times out of `present + absent`, else "" . */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, present: number, absent: number): fc.Arbitrary<T | ""> {
  return fc.oneof({ weight: present, arbitrary }, { weight: absent, arbitrary: fc.constant("" as const) });
}

const ORIGINS = {
  same: (s: State) => ({ origin: s.origin }),
  fetchSite: () => ({ "sec-fetch-site": "same-origin" }),
  cross: () => ({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
  none: () => ({}),
  nullOrigin: () => ({ origin: "null" }),
};
const origin = fc.constantFrom(...(Object.keys(ORIGINS) as (keyof typeof ORIGINS)[]));

const BAD_AUTHORIZATION = ["Bearer", "Bearer ", "bearer  x", "Basic YWRhOnB3", "Token abc", "Bearer a b", "Bearer %00", "BEARER", "Bearer \t"];

const validCredentials: fc.Arbitrary<Part<Record<string, string>>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ label: "valid bearer", make: (s: State) => ({ authorization: `Bearer ${s.live.accessToken}` }) }) },
  {
    weight: 3,
    arbitrary: origin.map((o) => ({ label: `valid cookie, origin ${o}`, make: (s: State) => ({ cookie: `access_token=${s.live.accessToken}`, ...ORIGINS[o](s) }) })),
  },
  {
    weight: 1,
    arbitrary: badToken.map(({ kind, make }) => ({
      label: `valid bearer, ${kind} cookie`,
      make: (s: State) => ({ authorization: `Bearer ${s.live.accessToken}`, cookie: `access_token=${make(s.live)}` }),
    })),
  },
);

const invalidCredentials: fc.Arbitrary<Part<Record<string, string>>> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(fixed("none", {})) },
  { weight: 4, arbitrary: badToken.map(({ kind, make }) => ({ label: `${kind} bearer`, make: (s: State) => ({ authorization: `Bearer ${make(s.live)}` }) })) },
  {
    weight: 2,
    arbitrary: fc.tuple(badToken, origin).map(([{ kind, make }, o]) => ({
      label: `${kind} cookie, origin ${o}`,
      make: (s: State) => ({ cookie: `access_token=${make(s.live)}`, ...ORIGINS[o](s) }),
    })),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...BAD_AUTHORIZATION), oddString.map(headerSafe)).map((v) => fixed("odd authorization", { authorization: v })) },
  // The header that once let a request skip middleware altogether (CVE-2025-29927).
  { weight: 1, arbitrary: fc.constant(fixed("forged x-middleware-subrequest", { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" })) },
  { weight: 1, arbitrary: fc.constant(fixed("junk cookies", { cookie: "a=%; b; =x; access_token=; access_token=%E0%A4%A; refresh_token" })) },
);

const refreshCookie: fc.Arbitrary<Part<string> | ""> = sometimes(
  fc.oneof(
    fc.constant<Part<string>>({ label: "live refresh cookie", make: (s) => `refresh_token=${s.live.refreshToken}` }),
    fc.oneof(oddString.map(headerSafe), fc.constantFrom("%", "%E0%A4%A", "x".repeat(5000))).map((v) => fixed("bad refresh cookie", `refresh_token=${v}`)),
  ),
  1,
  3,
);

function credentials(valid: boolean): fc.Arbitrary<Part<Record<string, string>>> {
  return fc.tuple(valid ? validCredentials : invalidCredentials, refreshCookie).map(([access, refresh]) => {
    if (!refresh) return access;
    return {
      label: `${access.label} + ${refresh.label}`,
      make: (s: State) => {
        const headers = access.make(s);
        return { ...headers, cookie: [headers.cookie, refresh.make(s)].filter(Boolean).join("; ") };
      },
    };
  });
}

const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      "if-match": fc.oneof(fc.constantFrom("*", '"x"', 'W/"x"', '"', "", '"a", "b"'), oddString.map(headerSafe)),
      accept: fc.constantFrom("text/html", "application/xml", "*/*", "application/problem+json", ";;;"),
      "x-forwarded-for": fc.constantFrom("203.0.113.9", "::1", "garbage, ,", "1.1.1.1, 2.2.2.2"),
    },
    { requiredKeys: [] },
  );


const OTHER_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const UNKNOWN_PATHS = ["/api/nothing", "/api/items/x/y", "/api/auth", "/api/%ff", "/api/items%ff", "/api/auth/me/", "/api//items", "/api/ITEMS"];

function planFor(operation: Operation | null, method: string, template: string): fc.Arbitrary<Plan> {
  const hasBody = method !== "GET" && method !== "HEAD";
  return fc.boolean().chain((validToken) =>
    fc.record({
      method: fc.constant(method),
      template: fc.constant(template),
      validToken: fc.constant(validToken),
      id: template.includes("{id}") ? id : fc.constant(null),
      query: query(operation),
      credentials: credentials(validToken),
      headers: extraHeaders,
      body: hasBody ? body(operation) : fc.constant(null),
    }),
  );
}

/**
 * Requests for every operation of the document (most of them), for the methods a path
 * lacks, and for paths that are not there.
 */
export function plans(operations: Operation[]): fc.Arbitrary<Plan> {
  const documented = fc.constantFrom(...operations).chain((op) => planFor(op, op.method, op.path));
  const undocumented = fc
    .tuple(fc.constantFrom(...operations), fc.constantFrom(...OTHER_METHODS))
    .filter(([op, method]) => !operations.some((o) => o.path === op.path && o.method === method))
    .chain(([op, method]) => planFor(null, method, op.path));
  const unknown = fc.tuple(fc.constantFrom(...UNKNOWN_PATHS), fc.constantFrom(...OTHER_METHODS)).chain(([path, method]) => planFor(null, method, path));
  return fc.oneof({ weight: 17, arbitrary: documented }, { weight: 2, arbitrary: undocumented }, { weight: 1, arbitrary: unknown });
}
