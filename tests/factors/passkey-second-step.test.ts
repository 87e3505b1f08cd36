// A passkey as the second step of a password login and as the proof of reauthenticate
// (README: Second factors, Step-up), through the HTTP handlers, with the software
// authenticator of tests/helpers/webauthn.ts building real assertions.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const passkeysRoute = await import("@/app/api/auth/passkeys/route");
const creationOptionsRoute = await import("@/app/api/auth/passkeys/options/route");
const mfaOptionsRoute = await import("@/app/api/auth/login/mfa/passkey-options/route");
const reauthOptionsRoute = await import("@/app/api/auth/reauthenticate/passkey-options/route");
const { getDb } = await import("@/lib/db");
const { readAssurance } = await import("@/lib/auth/factors/assurance");
const { verifyAccessToken } = await import("@/lib/auth/identity/jwt");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");
const { api, claimsOf, freezeTotpClock, passwordStep, problemOf, setUpTotp } = await import("../helpers/second-factors");
const { softAuthenticator } = await import("../helpers/webauthn");

type Account = Awaited<ReturnType<typeof createSignedInUser>>;
type Authenticator = ReturnType<typeof softAuthenticator>;
type Options = { challenge: string; allowCredentials?: { id: string }[]; userVerification?: string };

beforeEach(freezeTotpClock);
afterEach(() => {
  vi.useRealTimers();
});

async function addPasskey(account: Account, authenticator: Authenticator = softAuthenticator()) {
  const options = await (await creationOptionsRoute.POST(apiRequest("/api/auth/passkeys/options", { method: "POST", token: account.accessToken }), undefined)).json();
  const added = await passkeysRoute.POST(
    apiRequest("/api/auth/passkeys", { method: "POST", token: account.accessToken, body: { response: authenticator.register(options as never) } }),
    undefined,
  );
  expect(added.status).toBe(201);
  const { passkey } = (await added.json()) as { passkey: { id: string } };
  const db = await getDb();
  const { credentialId } = await db.passkey.findUniqueOrThrow({ where: { id: passkey.id }, select: { credentialId: true } });
  return { authenticator, credentialId };
}

/** An account with a passkey (added first: it needs no second factor yet) and then TOTP. */
async function accountWithTotpAndPasskey() {
  const account = await createSignedInUser();
  const passkey = await addPasskey(account);
  await mailbox.next(account.user.email);
  const totp = await setUpTotp(account);
  await mailbox.next(account.user.email);
  return { account, ...passkey, ...totp };
}

const mfaOptions = (mfaToken: string, ip = "203.0.113.50") =>
  mfaOptionsRoute.POST(apiRequest("/api/auth/login/mfa/passkey-options", { method: "POST", body: { mfa_token: mfaToken }, ip }), undefined);

async function optionsFor(mfaToken: string): Promise<Options> {
  const response = await mfaOptions(mfaToken);
  expect(response.status).toBe(200);
  return (await response.json()) as Options;
}

const reauthOptions = async (token: string): Promise<Options> =>
  (await (await reauthOptionsRoute.POST(apiRequest("/api/auth/reauthenticate/passkey-options", { method: "POST", token }), undefined)).json()) as Options;

async function secondStepEvents(userId: string) {
  const db = await getDb();
  return db.auditEvent.findMany({ where: { type: "second_step", targetId: userId }, orderBy: { seq: "asc" }, select: { outcome: true, details: true } });
}

describe("the password step for an account with TOTP and passkeys", () => {
  it("lists passkey among the methods only when the account has one", async () => {
    const { account } = await accountWithTotpAndPasskey();
    const body = await (await api.logIn({ email: account.user.email, password: account.password })).json();
    expect(body.methods).toEqual(["totp", "recovery_code", "passkey"]);

    const plain = await createSignedInUser();
    await setUpTotp(plain);
    expect((await (await api.logIn({ email: plain.user.email, password: plain.password })).json()).methods).toEqual(["totp", "recovery_code"]);
  });
});

describe("POST /api/auth/login/mfa/passkey-options", () => {
  it("lists only the account's own passkeys, requires user verification, and leaves the mfa_token unspent", async () => {
    const { account, authenticator, credentialId } = await accountWithTotpAndPasskey();
    await accountWithTotpAndPasskey(); // another account's passkey exists and must not show
    const mfaToken = await passwordStep(account);
    const options = await optionsFor(mfaToken);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([credentialId]);
    expect(options.userVerification).toBe("required");
    // Asking for options many times takes none of the token's 5 tries.
    for (let i = 0; i < 6; i++) await optionsFor(mfaToken);
    const done = await api.secondStep({ mfa_token: mfaToken, passkey: authenticator.assert(await optionsFor(mfaToken)) });
    expect(done.status).toBe(200);
  });

  it("answers 409 no_passkeys for an account without passkeys, and 401 for an unknown, used or foreign-address token", async () => {
    const plain = await createSignedInUser();
    const { secret } = await setUpTotp(plain);
    expect(secret).toBeTruthy();
    const plainToken = await passwordStep(plain);
    expect((await problemOf(await mfaOptions(plainToken))).code).toBe("no_passkeys");

    expect(await problemOf(await mfaOptions("not-a-token"))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
    const { account, authenticator } = await accountWithTotpAndPasskey();
    const mfaToken = await passwordStep(account);
    expect(await problemOf(await mfaOptions(mfaToken, "198.51.100.9"))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
    const done = await api.secondStep({ mfa_token: mfaToken, passkey: authenticator.assert(await optionsFor(mfaToken)) });
    expect(done.status).toBe(200);
    expect(await problemOf(await mfaOptions(mfaToken))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
  });
});

describe("POST /api/auth/login/mfa with a passkey", () => {
  it("starts a session at aal 2 with amr [pwd, passkey] and records the second step's method", async () => {
    const { account, authenticator } = await accountWithTotpAndPasskey();
    const mfaToken = await passwordStep(account);
    const response = await api.secondStep({ mfa_token: mfaToken, passkey: authenticator.assert(await optionsFor(mfaToken)) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user).toMatchObject({ id: account.user.id });
    expect(claimsOf(body.access_token)).toMatchObject({ aal: 2, amr: ["pwd", "passkey"] });
    const claims = await verifyAccessToken(body.access_token);
    expect(await readAssurance(String(claims.sid), account.user.id)).toMatchObject({ aal: 2, amr: ["pwd", "passkey"] });
    expect(await secondStepEvents(account.user.id)).toEqual([{ outcome: "success", details: { method: "passkey" } }]);
  });

  it("refuses a passkey of another account, even with options for that account, and counts it", async () => {
    const { account } = await accountWithTotpAndPasskey();
    const other = await accountWithTotpAndPasskey();
    const mfaToken = await passwordStep(account);
    // The other account's passkey signing this account's challenge.
    const foreign = await api.secondStep({ mfa_token: mfaToken, passkey: other.authenticator.assert(await optionsFor(mfaToken)) });
    expect(await problemOf(foreign)).toMatchObject({ status: 401, code: "invalid_mfa_code" });
    // The other account's passkey with a challenge issued for the other account's own second step.
    const otherToken = await passwordStep(other.account);
    const crossed = await api.secondStep({ mfa_token: mfaToken, passkey: other.authenticator.assert(await optionsFor(otherToken)) });
    expect(await problemOf(crossed)).toMatchObject({ status: 401, code: "invalid_mfa_code" });
    expect(await secondStepEvents(account.user.id)).toEqual([
      { outcome: "failure", details: { why: "wrong_passkey", method: "passkey" } },
      { outcome: "failure", details: { why: "wrong_passkey", method: "passkey" } },
    ]);
    const db = await getDb();
    expect(await db.session.count({ where: { userId: account.user.id, endedAt: null, amr: { has: "passkey" } } })).toBe(0);
  });

  it("refuses a replayed assertion, and a challenge issued for the public sign-in or for reauthentication", async () => {
    const { account, authenticator } = await accountWithTotpAndPasskey();
    const first = await passwordStep(account);
    const assertion = authenticator.assert(await optionsFor(first));
    expect((await api.secondStep({ mfa_token: first, passkey: assertion })).status).toBe(200);
    const second = await passwordStep(account);
    expect(await problemOf(await api.secondStep({ mfa_token: second, passkey: assertion }))).toMatchObject({ status: 401, code: "invalid_mfa_code" });
    const reauth = authenticator.assert(await reauthOptions(account.accessToken));
    expect(await problemOf(await api.secondStep({ mfa_token: second, passkey: reauth }))).toMatchObject({ status: 401, code: "invalid_mfa_code" });
  });

  it("uses the mfa_token once: a second passkey for the same token is refused", async () => {
    const { account, authenticator } = await accountWithTotpAndPasskey();
    const mfaToken = await passwordStep(account);
    const options = [await optionsFor(mfaToken), await optionsFor(mfaToken)];
    expect((await api.secondStep({ mfa_token: mfaToken, passkey: authenticator.assert(options[0]!) })).status).toBe(200);
    const again = await api.secondStep({ mfa_token: mfaToken, passkey: authenticator.assert(options[1]!) });
    expect(await problemOf(again)).toMatchObject({ status: 401, code: "invalid_mfa_token" });
  });

  it("voids the mfa_token after 5 wrong passkeys, like 5 wrong codes", async () => {
    const { account, authenticator } = await accountWithTotpAndPasskey();
    const stranger = softAuthenticator();
    const mfaToken = await passwordStep(account);
    for (let i = 0; i < 5; i++) {
      const wrong = await api.secondStep({ mfa_token: mfaToken, passkey: stranger.assert(await optionsFor(mfaToken)) });
      expect((await problemOf(wrong)).code).toBe("invalid_mfa_code");
    }
    expect(await problemOf(await mfaOptions(mfaToken))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
    const right = await api.secondStep({ mfa_token: mfaToken, passkey: authenticator.assert(await reauthOptions(account.accessToken)) });
    expect((await problemOf(right)).code).toBe("invalid_mfa_token");
  });
});

describe("POST /api/auth/reauthenticate with a passkey", () => {
  it("gives the session a fresh auth_time and aal 2", async () => {
    const account = await createSignedInUser();
    const { authenticator, credentialId } = await addPasskey(account);
    const options = await reauthOptions(account.accessToken);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([credentialId]);
    vi.setSystemTime(Date.now() + 60_000);
    const response = await api.reauthenticate(account.accessToken, { passkey: authenticator.assert(options) });
    expect(response.status).toBe(200);
    const { access_token } = await response.json();
    expect(claimsOf(access_token)).toMatchObject({ aal: 2, amr: ["pwd", "passkey"], auth_time: Math.floor(Date.now() / 1000) });
    const claims = await verifyAccessToken(access_token);
    expect(await readAssurance(String(claims.sid), account.user.id)).toMatchObject({ aal: 2 });
  });

  it("answers 409 no_passkeys for options when the caller has none", async () => {
    const account = await createSignedInUser();
    const response = await reauthOptionsRoute.POST(apiRequest("/api/auth/reauthenticate/passkey-options", { method: "POST", token: account.accessToken }), undefined);
    expect(await problemOf(response)).toMatchObject({ status: 409, code: "no_passkeys" });
  });

  it("refuses another account's passkey and a replay with 403, counted against the second-step budget", async () => {
    const account = await createSignedInUser();
    const { authenticator } = await addPasskey(account);
    const other = await createSignedInUser();
    const { authenticator: othersKey } = await addPasskey(other);
    const foreign = await api.reauthenticate(account.accessToken, { passkey: othersKey.assert(await reauthOptions(account.accessToken)) });
    expect(await problemOf(foreign)).toMatchObject({ status: 403, code: "invalid_mfa_code" });
    const good = authenticator.assert(await reauthOptions(account.accessToken));
    expect((await api.reauthenticate(account.accessToken, { passkey: good })).status).toBe(200);
    expect((await problemOf(await api.reauthenticate(account.accessToken, { passkey: good }))).code).toBe("invalid_mfa_code");
    // 10 wrong second steps within 15 minutes lock the account's second steps: a right passkey waits too.
    for (let i = 0; i < 9; i++) {
      const wrong = await api.reauthenticate(account.accessToken, { passkey: othersKey.assert(await reauthOptions(account.accessToken)) });
      expect(wrong.status).toBe(403);
    }
    const locked = await api.reauthenticate(account.accessToken, { passkey: authenticator.assert(await reauthOptions(account.accessToken)) });
    expect(locked.status).toBe(429);
  });
});
