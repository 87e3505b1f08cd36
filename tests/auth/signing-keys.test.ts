// JWT_ALG=ES256: tokens signed by key pairs from the signing_keys table, verified by this
// instance, by a second one (its own LISTEN connection), by the edge middleware (the JWKS
// fetched over HTTP) and by verifiers that are not ours (jose's remote JWKS, Debian's
// python3-jwt), through rotation, expiry and revocation (docs/decisions/0037-signing-keys.md).
// The JWKS is served by its real route handler on a real HTTP server, which APP_ORIGIN names
// (the edge never fetches from the request's Host).
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, SignJWT } from "jose";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

process.env.JWT_ALG = "ES256";
process.env.JWKS_MAX_AGE = "600";

const served: string[] = [];
const jwks = createServer((request, response) => {
  if (request.url !== "/.well-known/jwks.json") return void response.writeHead(404).end();
  void GET().then(async (answer) => {
    const text = await answer.text();
    served.push(text);
    response.writeHead(answer.status, Object.fromEntries(answer.headers)).end(text);
  });
});
await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
process.env.APP_ORIGIN = origin;
const JWKS_URL = `${origin}/.well-known/jwks.json`;

const { GET } = await import("@/app/well-known/jwks.json/route");
const jwt = await import("@/lib/auth/identity/jwt");
const keys = await import("@/lib/auth/identity/signing-keys");
const { KIDS_HEADER } = await import("@/lib/auth/identity/remote-keys");
const { middleware } = await import("@/middleware");
const { getDb } = await import("@/lib/db");
const { env } = await import("@/lib/env");

const { keySet, KeySet } = keys;
const claims = () => ({ sub: crypto.randomUUID(), sid: crypto.randomUUID(), role: "user" as const });
const kidOf = (token: string) => decodeProtectedHeader(token).kid;
const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: "invalid_token" });

// Every line the app logs in this file, for the "no private key material" check.
const logged: string[] = [];
for (const level of ["log", "warn", "info", "error"] as const) {
  const original = console[level];
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
    original(...args);
  });
}

/** Resolves when `set` has loaded the table again (after the trigger's NOTIFY). */
const reloaded = (set: InstanceType<typeof KeySet>) => new Promise<void>((resolve) => {
  const off = set.onReload(() => {
    off();
    resolve();
  });
});

const edge = (token: string, headers: Record<string, string> = {}) =>
  middleware(new NextRequest("http://localhost:3000/api/items", { headers: { authorization: `Bearer ${token}`, ...headers } }));
const passes = (response: Response) => response.headers.get("x-middleware-next") === "1";

beforeAll(async () => {
  await keys.ensureSigningKey();
  await keySet.ensureStarted();
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await new Promise((resolve) => jwks.close(resolve));
});

describe("signing keys (JWT_ALG=ES256)", () => {
  it("signs with the first key at once and publishes it: public members only, cacheable for JWKS_MAX_AGE", async () => {
    const token = await jwt.signAccessToken(claims());
    const header = decodeProtectedHeader(token);
    expect(header).toMatchObject({ alg: "ES256", typ: "at+jwt" });
    const response = await GET();
    expect(response.headers.get("cache-control")).toBe("public, max-age=600");
    const body = (await response.json()) as { keys: Record<string, string>[] };
    expect(body.keys).toHaveLength(1);
    expect(Object.keys(body.keys[0]!).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
    expect(body.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: header.kid });
    await expect(jwt.verifyAccessToken(token)).resolves.toMatchObject({ role: "user" });
  });

  it("verifies with another library knowing only the JWKS URL, iss and aud: jose's remote JWKS", async () => {
    const token = await jwt.signAccessToken(claims());
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(JWKS_URL)), {
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
    });
    expect(payload.sub).toBeTypeOf("string");
    await expect(jwtVerify(token, createRemoteJWKSet(new URL(JWKS_URL)), { audience: "someone-else" })).rejects.toThrow();
  });

  it("verifies with Debian's python3-jwt (PyJWKClient on the JWKS URL, with iss and aud), and it refuses a tampered one", async () => {
    const token = await jwt.signAccessToken(claims());
    const script = [
      "import sys, jwt",
      "url, token, iss, aud = sys.argv[1:5]",
      "key = jwt.PyJWKClient(url).get_signing_key_from_jwt(token).key",
      "try:",
      "    claims = jwt.decode(token, key, algorithms=['ES256', 'EdDSA'], issuer=iss, audience=aud)",
      "    print('ok', claims['sub'])",
      "except jwt.InvalidTokenError as error:",
      "    print('refused', type(error).__name__)",
    ].join("\n");
    const run = async (candidate: string) =>
      (await promisify(execFile)("/usr/bin/python3", ["-c", script, JWKS_URL, candidate, env.JWT_ISSUER, env.JWT_AUDIENCE])).stdout.trim();
    expect(await run(token)).toMatch(/^ok [0-9a-f-]{36}$/);
    const [head, body, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, "base64url").toString()), role: "admin" })).toString("base64url");
    expect(await run(`${head}.${forged}.${signature}`)).toBe("refused InvalidSignatureError");
  });

  it("lets the edge middleware verify with the published keys, and refuses an unknown kid with 401", async () => {
    expect(passes(await edge(await jwt.signAccessToken(claims())))).toBe(true);
    const { privateKey } = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const stranger = await new SignJWT({ ...claims() })
      .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: "not-one-of-ours" })
      .setIssuer(env.JWT_ISSUER).setAudience(env.JWT_AUDIENCE).setIssuedAt().setExpirationTime("5m")
      .sign(privateKey);
    expect((await edge(stranger)).status).toBe(401);
    await refused(jwt.verifyAccessToken(stranger));
  });

  it("pins the algorithm to the kid: an HS256 token keyed with the public key, or alg none, is refused", async () => {
    const token = await jwt.signAccessToken(claims());
    const kid = kidOf(token)!;
    const [jwk] = (await (await GET()).json()).keys as { x: string }[];
    const confused = await new SignJWT({ ...claims() })
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid })
      .setIssuer(env.JWT_ISSUER).setAudience(env.JWT_AUDIENCE).setIssuedAt().setExpirationTime("5m")
      .sign(new TextEncoder().encode(JSON.stringify(jwk)));
    await refused(jwt.verifyAccessToken(confused));
    expect((await edge(confused)).status).toBe(401);
    const body = token.split(".")[1];
    const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "at+jwt", kid })).toString("base64url")}.${body}.`;
    await refused(jwt.verifyAccessToken(none));
    expect((await edge(none)).status).toBe(401);
  });

  it("logs no one out when JWT_ALG changes from HS256: tokens signed with JWT_SECRET (with or without a kid) still verify", async () => {
    // Signed the way the server signed while JWT_ALG was HS256.
    const beforeTheSwitch = { signing: () => jwt.secretTokenKey(), verifying: async () => null };
    const hs = await jwt.signAccessToken(claims(), env.ACCESS_TOKEN_TTL, beforeTheSwitch);
    expect(decodeProtectedHeader(hs)).toMatchObject({ alg: "HS256", kid: (await jwt.secretTokenKey()).kid });
    await expect(jwt.verifyAccessToken(hs)).resolves.toMatchObject({ role: "user" });
    expect(passes(await edge(hs))).toBe(true);
    // Signed before tokens named their key.
    const legacy = await new SignJWT({ sid: crypto.randomUUID(), role: "user" })
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt" }).setSubject(crypto.randomUUID())
      .setIssuer(env.JWT_ISSUER).setAudience(env.JWT_AUDIENCE).setIssuedAt().setExpirationTime("5m")
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    await expect(jwt.verifyAccessToken(legacy)).resolves.toMatchObject({ role: "user" });
    // An HS256 token under another secret, naming our secret's kid: refused.
    const other = await new SignJWT({ sid: crypto.randomUUID(), role: "user" })
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: (await jwt.secretTokenKey()).kid }).setSubject(crypto.randomUUID())
      .setIssuer(env.JWT_ISSUER).setAudience(env.JWT_AUDIENCE).setIssuedAt().setExpirationTime("5m")
      .sign(new TextEncoder().encode("another-secret-that-is-at-least-32-bytes!"));
    await refused(jwt.verifyAccessToken(other));
    // And the ES256 tokens from now on.
    expect(decodeProtectedHeader(await jwt.signAccessToken(claims())).alg).toBe("ES256");
  });

  it("rotates: publishes the new key at once, signs with it after JWKS_MAX_AGE, keeps the old one until its tokens have expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const before = await jwt.signAccessToken(claims());
    const oldKid = kidOf(before)!;
    const heard = reloaded(keySet);
    const fresh = await keys.rotateKeys();
    await heard;
    const published = async () => ((await (await GET()).json()).keys as { kid: string }[]).map((k) => k.kid);
    expect(await published()).toEqual(expect.arrayContaining([oldKid, fresh.kid]));
    expect(kidOf(await jwt.signAccessToken(claims()))).toBe(oldKid);

    vi.setSystemTime(Date.now() + env.JWKS_MAX_AGE * 1000 + 1000);
    const after = await jwt.signAccessToken(claims());
    expect(kidOf(after)).toBe(fresh.kid);
    await expect(jwt.verifyAccessToken(before)).resolves.toMatchObject({ role: "user" });
    expect(await published()).toContain(oldKid);

    // Its last token has expired (ACCESS_TOKEN_TTL after it stopped signing, plus a margin):
    // the old key leaves the set, and the new one's tokens still verify.
    vi.setSystemTime(Date.now() + env.ACCESS_TOKEN_TTL * 1000 + 61_000);
    expect(await published()).toEqual([fresh.kid]);
    expect(keys.keyState((await keys.loadKeyRows()).find((row) => row.kid === oldKid)!)).toBe("expired");
    await refused(jwt.verifyAccessToken(await new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: oldKid }).sign((await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign"])).privateKey)));
    await expect(jwt.verifyAccessToken(await jwt.signAccessToken(claims()))).resolves.toMatchObject({ role: "user" });
  });

  it("revokes at once: this instance, a second instance with its own listener, and the edge refuse the key's tokens; a new key signs", async () => {
    const second = new KeySet();
    await second.ensureStarted();
    const token = await jwt.signAccessToken(claims());
    const kid = kidOf(token)!;
    await expect(jwt.verifyAccessToken(token, second)).resolves.toMatchObject({ role: "user" });
    expect(passes(await edge(token, { [KIDS_HEADER]: keySet.publishedKids()! }))).toBe(true);

    const heardHere = reloaded(keySet);
    const heardThere = reloaded(second);
    const { replacement } = await keys.revokeKey(kid);
    await Promise.all([heardHere, heardThere]);

    await refused(jwt.verifyAccessToken(token));
    await refused(jwt.verifyAccessToken(token, second));
    // What npm start tells the edge about the set (lib/server/serve.ts): it fetches again.
    expect(keySet.publishedKids()!.split(",")).not.toContain(kid);
    expect((await edge(token, { [KIDS_HEADER]: keySet.publishedKids()! })).status).toBe(401);
    expect(replacement).not.toBeNull();
    const next = await jwt.signAccessToken(claims());
    expect(kidOf(next)).toBe(replacement);
    // The edge fetches again on a changed list at most every 100 ms (lib/auth/identity/remote-keys.ts).
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(passes(await edge(next, { [KIDS_HEADER]: keySet.publishedKids()! }))).toBe(true);
    await expect(jwt.verifyAccessToken(next, second)).resolves.toMatchObject({ role: "user" });
  });

  it("keeps private keys sealed: no private member in the table's clear columns, the JWKS served, or the log", async () => {
    const db = await getDb();
    const rows = await db.signingKey.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(JSON.stringify(row.publicJwk)).not.toMatch(/"d"/);
      expect(Buffer.from(row.privateKeySealed).toString("latin1")).not.toMatch(/"d"|PRIVATE KEY|"kty"/);
    }
    expect(served.length).toBeGreaterThan(0);
    for (const text of [...served, ...logged]) expect(text).not.toMatch(/"d"\s*:|PRIVATE KEY/);
  });
});
