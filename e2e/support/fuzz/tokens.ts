// Access tokens that must all be refused with 401: garbled, cut short, oversized, and
// forged every way the API refuses (README: Tokens): alg none, a wrong key, a wrong
// algorithm, a tampered payload; plus ones signed with the server's own key whose claims are wrong.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { SERVER_ENV } from "../server-process";
import { oddString } from "./values";

export type Live = { accessToken: string; userId: string; sessionId: string };

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

function sign(header: Record<string, unknown>, payload: Record<string, unknown>, key: string, hash = "sha256"): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac(hash, key).update(input).digest("base64url")}`;
}

function claims(live: Live, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const base = { sub: live.userId, sid: live.sessionId, role: "user", iss: "jwt-items", aud: "jwt-items", iat: now, exp: now + 600 };
  return Object.fromEntries(Object.entries({ ...base, ...changes }).filter(([, v]) => v !== undefined));
}

const SECRET = SERVER_ENV.JWT_SECRET!;
const HS256 = { alg: "HS256", typ: "JWT" };

/** Each forgery as a function of the live account, so it names a real user and session. */
const FORGERIES: Record<string, (live: Live) => string> = {
  algNone: (live) => `${b64({ alg: "none", typ: "JWT" })}.${b64(claims(live))}.`,
  algNoneSigned: (live) => sign({ alg: "none" }, claims(live), SECRET),
  wrongKey: (live) => sign(HS256, claims(live), "another-secret-that-is-at-least-32-bytes"),
  wrongAlgorithm: (live) => sign({ alg: "HS512", typ: "JWT" }, claims(live), SECRET, "sha512"),
  rsaHeader: (live) => sign({ alg: "RS256", typ: "JWT" }, claims(live), SECRET),
  wrongIssuer: (live) => sign(HS256, claims(live, { iss: "someone-else" }), SECRET),
  wrongAudience: (live) => sign(HS256, claims(live, { aud: ["other"] }), SECRET),
  expired: (live) => sign(HS256, claims(live, { exp: 1_000_000_000 }), SECRET),
  noSession: (live) => sign(HS256, claims(live, { sid: undefined }), SECRET),
  unknownSession: (live) => sign(HS256, claims(live, { sid: crypto.randomUUID(), role: "admin" }), SECRET),
  notUuidSubject: (live) => sign(HS256, claims(live, { sub: "' OR 1=1 --", sid: "%ff" }), SECRET),
  numericClaims: (live) => sign(HS256, claims(live, { sub: 42, sid: { a: 1 }, role: ["admin"] }), SECRET),
  strangeRole: (live) => sign(HS256, claims(live, { role: "root" }), SECRET),
  hugeExpiry: (live) => sign(HS256, claims(live, { exp: 1e300, iat: -1e300 }), SECRET),
  tampered: (live) => {
    const [header, , signature] = live.accessToken.split(".");
    return `${header}.${b64(claims(live, { role: "admin" }))}.${signature}`;
  },
  truncated: (live) => live.accessToken.slice(0, -5),
  extraSegment: (live) => `${live.accessToken}.AAAA`,
  oversized: (live) => live.accessToken + "A".repeat(8000),
  pastHeaderLimit: () => "A".repeat(20_000),
  headerOnly: () => b64(HS256),
};

/**
 * Printable ASCII only: what an HTTP header value can carry without the client refusing
 * it; and at most 4000 characters, so that only the requests meant to (`pastHeaderLimit`)
 * pass the 16 KiB that Node allows a request's headers.
 */
export const headerSafe = (value: string) =>
  value.replace(/[^\x20-\x7e]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).slice(0, 4000);

/** A token that is not valid: by name, so a failure report says which kind it was. */
export const badToken: fc.Arbitrary<{ kind: string; make: (live: Live) => string }> = fc.oneof(
  fc.constantFrom(...Object.entries(FORGERIES)).map(([kind, make]) => ({ kind, make })),
  oddString.map((value) => ({ kind: "garbled", make: () => headerSafe(value) })),
  fc.constantFrom("", "a.b.c", "...", "eyJ", "%", "%E0%A4%A", "null", "undefined").map((value) => ({ kind: "garbled", make: () => value })),
);
