// Signing in with a passkey alone, through the API, with a software authenticator that
// builds real WebAuthn assertions (tests/helpers/webauthn.ts).
import { describe, expect, it } from "vitest";

const passkeysRoute = await import("@/app/api/auth/passkeys/route");
const optionsRoute = await import("@/app/api/auth/passkeys/options/route");
const oneRoute = await import("@/app/api/auth/passkeys/[id]/route");
const loginOptionsRoute = await import("@/app/api/auth/passkeys/login/options/route");
const loginRoute = await import("@/app/api/auth/passkeys/login/route");
const { getDb } = await import("@/lib/db");
const { readAssurance } = await import("@/lib/auth/factors/assurance");
const { verifyAccessToken } = await import("@/lib/auth/identity/jwt");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest, params, setCookies } = await import("../helpers/http");
const { FLAGS, softAuthenticator } = await import("../helpers/webauthn");

type Account = Awaited<ReturnType<typeof createSignedInUser>>;
type Authenticator = ReturnType<typeof softAuthenticator>;
type Options = { challenge: string; rpId?: string; allowCredentials?: unknown[]; userVerification?: string };

async function withPasskey(authenticator: Authenticator = softAuthenticator()) {
  const account = await createSignedInUser();
  const options = await (await optionsRoute.POST(apiRequest("/api/auth/passkeys/options", { method: "POST", token: account.accessToken }), undefined)).json();
  const added = await passkeysRoute.POST(
    apiRequest("/api/auth/passkeys", { method: "POST", token: account.accessToken, body: { response: authenticator.register(options as never) } }),
    undefined,
  );
  expect(added.status).toBe(201);
  const { passkey } = (await added.json()) as { passkey: { id: string } };
  return { account, authenticator, passkeyId: passkey.id };
}

const loginOptions = async (): Promise<Options> =>
  (await (await loginOptionsRoute.POST(apiRequest("/api/auth/passkeys/login/options", { method: "POST" }), undefined)).json()) as Options;

const logIn = (response: unknown, init: { ip?: string; headers?: Record<string, string> } = {}) =>
  loginRoute.POST(apiRequest("/api/auth/passkeys/login", { method: "POST", body: { response }, ...init }), undefined);

async function expectRefused(response: Response) {
  expect(response.status).toBe(401);
  expect(((await response.json()) as { code: string }).code).toBe("invalid_passkey");
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
}

const listOf = async (account: Account) =>
  ((await (await passkeysRoute.GET(apiRequest("/api/auth/passkeys", { token: account.accessToken }), undefined)).json()) as {
    passkeys: { id: string; lastUsedAt: string | null; counterRegressedAt: string | null }[];
  }).passkeys;

describe("passkey sign-in options", () => {
  it("name no credential, require user verification and carry a single-use challenge", async () => {
    const options = await loginOptions();
    expect(options).toMatchObject({ rpId: "localhost", allowCredentials: [], userVerification: "required", timeout: 300000 });
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("signing in with a passkey", () => {
  it("is refused with 403 account_disabled while an admin has disabled the account, and recorded as a failure", async () => {
    const { account, authenticator } = await withPasskey();
    const db = await getDb();
    await db.user.update({ where: { id: account.user.id }, data: { disabledAt: new Date(), disabledReason: "Checking" } });
    const refused = await logIn(authenticator.assert(await loginOptions()));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe("account_disabled");
    const failure = await db.auditEvent.findFirst({ where: { targetId: account.user.id, type: "passkey_login" }, orderBy: { seq: "desc" } });
    expect(failure).toMatchObject({ outcome: "failure", details: { why: "disabled" } });

    await db.user.update({ where: { id: account.user.id }, data: { disabledAt: null, disabledReason: null } });
    expect((await logIn(authenticator.assert(await loginOptions()))).status).toBe(200);
    const success = await db.auditEvent.findFirst({ where: { targetId: account.user.id, type: "passkey_login" }, orderBy: { seq: "desc" } });
    expect(success).toMatchObject({ outcome: "success", sessionId: expect.any(String) });
  });

  it("answers like a login, with a session at aal 2 whose only method is the passkey", async () => {
    const { account, authenticator } = await withPasskey();
    const response = await logIn(authenticator.assert(await loginOptions()));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ user: { id: account.user.id, email: account.user.email }, token_type: "Bearer" });
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.device_token).toEqual(expect.any(String));
    const claims = await verifyAccessToken(String(body.access_token));
    expect(claims.sub).toBe(account.user.id);
    expect(await readAssurance(String(claims.sid), account.user.id)).toMatchObject({ aal: 2, amr: ["passkey"] });
    expect((await listOf(account))[0]?.lastUsedAt).not.toBeNull();
  });

  it("gives a browser cookies and no refresh token in the body, and refuses another site's request", async () => {
    const { authenticator } = await withPasskey();
    const browser = await logIn(authenticator.assert(await loginOptions()), { headers: { origin: "http://localhost:3000" } });
    expect(browser.status).toBe(200);
    expect((await browser.json()) as object).not.toHaveProperty("refresh_token");
    expect([...setCookies(browser).keys()]).toEqual(expect.arrayContaining(["access_token", "refresh_token", "device"]));
    const crossSite = await logIn(authenticator.assert(await loginOptions()), { headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
  });

  it("refuses a replayed assertion: its challenge was used", async () => {
    const { authenticator } = await withPasskey();
    const assertion = authenticator.assert(await loginOptions());
    expect((await logIn(assertion)).status).toBe(200);
    await expectRefused(await logIn(assertion));
  });

  it.each([
    ["a challenge that expired", "expired"],
    ["a challenge made for adding a passkey", "ceremony"],
    ["a challenge the server never issued", "unknown"],
    ["an assertion from another origin", "origin"],
    ["an assertion for another relying party", "rpId"],
    ["an assertion without user verification", "uv"],
    ["an assertion without user presence", "up"],
    ["a signature by another key", "key"],
    ["a user handle of another account", "handle"],
  ] as const)("refuses %s with 401 invalid_passkey", async (_, how) => {
    const { account, authenticator } = await withPasskey();
    let options = await loginOptions();
    let bend = {};
    if (how === "expired") {
      const db = await getDb();
      await db.webauthnChallenge.updateMany({ where: { challenge: options.challenge }, data: { expiresAt: new Date(Date.now() - 1) } });
    }
    if (how === "ceremony") {
      const creation = await optionsRoute.POST(apiRequest("/api/auth/passkeys/options", { method: "POST", token: account.accessToken }), undefined);
      options = { ...options, challenge: ((await creation.json()) as Options).challenge };
    }
    if (how === "unknown") options = { ...options, challenge: Buffer.alloc(32, 7).toString("base64url") };
    if (how === "origin") bend = { origin: "https://evil.example" };
    if (how === "rpId") bend = { rpId: "evil.example" };
    if (how === "uv") bend = { flags: FLAGS.UP | FLAGS.BE | FLAGS.BS };
    if (how === "up") bend = { flags: FLAGS.UV | FLAGS.BE | FLAGS.BS };
    let assertion = authenticator.assert(options, bend);
    if (how === "key") {
      // Another authenticator signs, claiming this one's credential id.
      const forged = softAuthenticator().assert(options);
      assertion = { ...forged, id: assertion.id, rawId: assertion.rawId, response: { ...forged.response, userHandle: assertion.response.userHandle } };
    }
    if (how === "handle") {
      const other = await createSignedInUser();
      assertion = { ...assertion, response: { ...assertion.response, userHandle: Buffer.from(other.user.id.replace(/-/g, ""), "hex").toString("base64url") } };
    }
    await expectRefused(await logIn(assertion));
    // Nothing was recorded as a use.
    expect((await listOf(account))[0]?.lastUsedAt).toBeNull();
  });

  it("refuses a passkey once it was removed", async () => {
    const { account, authenticator, passkeyId } = await withPasskey();
    const removed = await oneRoute.DELETE(
      apiRequest(`/api/auth/passkeys/${passkeyId}`, { method: "DELETE", token: account.accessToken }),
      params({ id: passkeyId }),
    );
    expect(removed.status).toBe(204);
    await expectRefused(await logIn(authenticator.assert(await loginOptions())));
  });

  it("accepts a counter that stays 0 for ever (a synced passkey)", async () => {
    const { authenticator } = await withPasskey();
    for (let i = 0; i < 3; i += 1) expect((await logIn(authenticator.assert(await loginOptions(), { counter: 0 }))).status).toBe(200);
  });

  it("accepts a counter that grows, and refuses and records one that goes back or stands still", async () => {
    const { account, authenticator } = await withPasskey(softAuthenticator({ counting: true }));
    expect((await logIn(authenticator.assert(await loginOptions(), { counter: 5 }))).status).toBe(200);
    expect((await logIn(authenticator.assert(await loginOptions(), { counter: 6 }))).status).toBe(200);
    expect((await listOf(account))[0]?.counterRegressedAt).toBeNull();
    await expectRefused(await logIn(authenticator.assert(await loginOptions(), { counter: 3 })));
    await expectRefused(await logIn(authenticator.assert(await loginOptions(), { counter: 6 })));
    // A counter that was counting may not fall back to 0 either.
    await expectRefused(await logIn(authenticator.assert(await loginOptions(), { counter: 0 })));
    expect((await listOf(account))[0]?.counterRegressedAt).toEqual(expect.any(String));
    expect((await logIn(authenticator.assert(await loginOptions(), { counter: 7 }))).status).toBe(200);
  });

  it("counts failures per client address like logins: past LOGIN_MAX_FAILURES_PER_IP, 429 even for a good passkey", async () => {
    const { authenticator } = await withPasskey();
    const ip = "198.51.100.77";
    const bad = authenticator.assert(await loginOptions(), { origin: "https://evil.example" });
    for (let i = 0; i < 30; i += 1) expect((await logIn(bad, { ip })).status).toBe(401);
    const limited = await logIn(authenticator.assert(await loginOptions()), { ip });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await logIn(authenticator.assert(await loginOptions()), { ip: "198.51.100.78" })).status).toBe(200);
  });

  it("answers a malformed response with 400, never a 500", async () => {
    for (const response of [undefined, {}, { id: "a", rawId: "a", type: "public-key", response: { clientDataJSON: "!!", authenticatorData: "", signature: "" } }]) {
      const answer = await logIn(response);
      expect(answer.status).toBe(400);
    }
    const garbage = await logIn({ id: "a", rawId: "a", type: "public-key", response: { clientDataJSON: "bm90IGpzb24", authenticatorData: "AAAA", signature: "AAAA" } });
    await expectRefused(garbage);
    // A NUL byte inside the client data, where the body check cannot see it.
    const nul = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: "a\u0000b", origin: "http://localhost:3000" })).toString("base64url");
    await expectRefused(await logIn({ id: "a", rawId: "a", type: "public-key", response: { clientDataJSON: nul, authenticatorData: "AAAA", signature: "AAAA" } }));
  });
});
