import { SignJWT, base64url } from "jose";
import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/auth/me/route";
import { env } from "@/lib/env";
import { createSignedInUser } from "../factories/users";
import { apiRequest } from "../helpers/http";

const key = new TextEncoder().encode(env.JWT_SECRET);

async function token(claims: Record<string, unknown>, options: { alg?: string; key?: Uint8Array; typ?: string | null } = {}) {
  const typ = options.typ === undefined ? "at+jwt" : options.typ;
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? "HS256", ...(typ === null ? {} : { typ }) });
  return jwt.sign(options.key ?? key);
}

async function validClaims() {
  const { user, sessionId } = await createSignedInUser();
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: user.id, sid: sessionId, role: user.role, iat: now, exp: now + 60,
    iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE,
  };
}

async function callMe(accessToken: string) {
  const response = await me(apiRequest("/api/auth/me", { token: accessToken }), undefined);
  return { status: response.status, body: await response.json(), challenge: response.headers.get("www-authenticate") };
}

describe("access tokens", () => {
  it("accepts a token it signed, for a live session", async () => {
    const claims = await validClaims();
    const result = await callMe(await token(claims));
    expect(result.status).toBe(200);
    expect(result.body.user.id).toBe(claims.sub);
  });

  it("answers 401 with a Bearer challenge and no error code when no token is sent", async () => {
    const response = await me(apiRequest("/api/auth/me"), undefined);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="jwt-items"');
    expect((await response.json()).code).toBe("authentication_required");
  });

  it("rejects an unsigned token (alg: none)", async () => {
    const claims = await validClaims();
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = base64url.encode(JSON.stringify(claims));
    const result = await callMe(`${header}.${payload}.`);
    expect(result.status).toBe(401);
    expect(result.body.code).toBe("invalid_token");
    expect(result.challenge).toContain('error="invalid_token"');
  });

  it("rejects a token signed with another key", async () => {
    const other = new TextEncoder().encode("another-secret-that-is-also-32-bytes-long!");
    const result = await callMe(await token(await validClaims(), { key: other }));
    expect(result.status).toBe(401);
    expect(result.body.code).toBe("invalid_token");
  });

  it("rejects a token signed with another HMAC algorithm and the right key", async () => {
    const result = await callMe(await token(await validClaims(), { alg: "HS512" }));
    expect(result.body.code).toBe("invalid_token");
  });

  it("rejects a token with the right key and claims that is not typed as an access token (at+jwt)", async () => {
    const claims = await validClaims();
    for (const typ of ["JWT", "refresh+jwt", null]) {
      expect((await callMe(await token(claims, { typ }))).body.code).toBe("invalid_token");
    }
  });

  it("rejects a token for another issuer or another audience", async () => {
    const claims = await validClaims();
    expect((await callMe(await token({ ...claims, iss: "someone-else" }))).body.code).toBe("invalid_token");
    expect((await callMe(await token({ ...claims, aud: "another-api" }))).body.code).toBe("invalid_token");
  });

  it("rejects an expired token with the code token_expired", async () => {
    const claims = await validClaims();
    const result = await callMe(await token({ ...claims, iat: claims.iat - 120, exp: claims.iat - 60 }));
    expect(result.status).toBe(401);
    expect(result.body.code).toBe("token_expired");
    expect(result.challenge).toContain('error="invalid_token"');
  });

  it("rejects a tampered payload and a truncated token", async () => {
    const claims = await validClaims();
    const good = await token(claims);
    const [header, , signature] = good.split(".");
    const forged = base64url.encode(JSON.stringify({ ...claims, role: "admin" }));
    expect((await callMe(`${header}.${forged}.${signature}`)).body.code).toBe("invalid_token");
    expect((await callMe(good.slice(0, -5))).body.code).toBe("invalid_token");
    expect((await callMe("not-a-jwt")).body.code).toBe("invalid_token");
  });

  it("rejects a token without a session id", async () => {
    const { sid: _sid, ...claims } = await validClaims();
    expect((await callMe(await token(claims))).body.code).toBe("invalid_token");
  });

  // Only this server's key can sign such a token; still a 401, never the database's
  // complaint about a malformed uuid surfacing as a 500.
  it("rejects a token signed with the right key whose user or session id is not an id", async () => {
    const claims = await validClaims();
    for (const changed of [{ sid: "%ff" }, { sub: "' OR 1=1 --" }, { sid: "" }]) {
      const result = await callMe(await token({ ...claims, ...changed }));
      expect({ status: result.status, code: result.body.code }).toEqual({ status: 401, code: "invalid_token" });
    }
  });

  it("prefers the Authorization header over the cookie when both are sent", async () => {
    const alice = await createSignedInUser();
    const bob = await createSignedInUser();
    const request = apiRequest("/api/auth/me", { token: alice.accessToken, cookies: { access_token: bob.accessToken } });
    const body = await (await me(request, undefined)).json();
    expect(body.user.id).toBe(alice.user.id);
  });

  it("ignores identity headers that middleware might be imagined to set", async () => {
    const alice = await createSignedInUser();
    const request = apiRequest("/api/auth/me", {
      headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", "x-user-id": alice.user.id },
    });
    expect((await me(request, undefined)).status).toBe(401);
  });
});
