// A login for an account with TOTP, through the HTTP handlers (README: Second factors): the
// password answers mfa_required and nothing else, and POST /api/auth/login/mfa completes it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const { POST: changePassword } = await import("@/app/api/auth/password/route");
const { POST: refresh } = await import("@/app/api/auth/refresh/route");
const { getDb } = await import("@/lib/db");
const { createSignedInUser } = await import("../factories/users");
const { totpCode } = await import("../factories/factors");
const { apiRequest, setCookies } = await import("../helpers/http");
const { api, claimsOf, freezeTotpClock, nextStep, passwordStep, problemOf, setUpTotp } = await import("../helpers/second-factors");

beforeEach(freezeTotpClock);
afterEach(() => {
  vi.useRealTimers();
});

const HOME = "203.0.113.50";

async function accountWithTotp() {
  const account = await createSignedInUser();
  const factors = await setUpTotp(account);
  // The confirmation's own notice, out of the way of the tests' mail.
  await mailbox.next(account.user.email);
  return { account, ...factors };
}

async function sessionsOf(userId: string) {
  const db = await getDb();
  return db.session.findMany({ where: { userId, endedAt: null }, select: { id: true, aal: true, amr: true, authTime: true } });
}

describe("the password step for an account with TOTP", () => {
  it("answers mfa_required with a token, the methods and its lifetime, and no session, token or cookie", async () => {
    const { account } = await accountWithTotp();
    const before = await sessionsOf(account.user.id);
    const response = await api.logIn({ email: account.user.email, password: account.password });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ mfa_required: true, mfa_token: expect.stringMatching(/^[\w-]{43}$/), methods: ["totp", "recovery_code"], expires_in: 300 });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await sessionsOf(account.user.id)).toEqual(before);
  });

  it("answers a wrong password with the same 401 as an account without TOTP", async () => {
    const { account } = await accountWithTotp();
    const response = await api.logIn({ email: account.user.email, password: "not the password" }, "203.0.113.51");
    expect(await problemOf(response)).toEqual({ status: 401, code: "invalid_credentials", challenge: 'Bearer realm="jwt-items"' });
  });

  it("still signs an account without TOTP in at once, at aal 1 with amr [pwd]", async () => {
    const account = await createSignedInUser();
    const response = await api.logIn({ email: account.user.email, password: account.password });
    const body = await response.json();
    expect(body.access_token).toBeDefined();
    expect(claimsOf(body.access_token)).toMatchObject({ aal: 1, amr: ["pwd"], auth_time: Math.floor(Date.now() / 1000) });
  });
});

describe("POST /api/auth/login/mfa", () => {
  it("completes the login with a code: a session at aal 2, amr [pwd, otp], tokens and a device token as a login's", async () => {
    const { account, secret } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    nextStep();
    const response = await api.secondStep({ mfa_token: mfaToken, code: await totpCode(secret) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ user: account.user, token_type: "Bearer", expires_in: 900 });
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.device_token).toMatch(/^d1\./);
    expect(claimsOf(body.access_token)).toMatchObject({ aal: 2, amr: ["pwd", "otp"], auth_time: Math.floor(Date.now() / 1000) });
    const session = (await sessionsOf(account.user.id)).find((s) => s.id === claimsOf(body.access_token).sid);
    expect(session).toMatchObject({ aal: 2, amr: ["pwd", "otp"], authTime: new Date() });
  });

  it("completes it with a recovery code, amr [pwd, rec], and mails how many are left", async () => {
    const { account, recoveryCodes } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    const typed = recoveryCodes[2]!.toUpperCase().replace("-", " ");
    const response = await api.secondStep({ mfa_token: mfaToken, recovery_code: typed });
    expect(response.status).toBe(200);
    const { access_token } = await response.json();
    expect(claimsOf(access_token)).toMatchObject({ aal: 2, amr: ["pwd", "rec"] });
    const notice = await mailbox.next(account.user.email);
    expect(notice.subject).toBe("A recovery code was used · JWT Items");
    expect(notice.text).toContain("9 codes are left.");
    const status = await (await api.status(access_token)).json();
    expect(status).toEqual({ totp: true, recovery_codes_left: 9, passkeys: 0 });
  });

  it("gives a browser cookies and no refresh token in the body", async () => {
    const { account, secret } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    nextStep();
    const browser = { headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } };
    const response = await api.secondStep({ mfa_token: mfaToken, code: await totpCode(secret) }, browser);
    expect(response.status).toBe(200);
    expect([...setCookies(response).keys()]).toEqual(["access_token", "refresh_token", "session_hint", "device"]);
    expect((await response.json()).refresh_token).toBeUndefined();
  });

  it("refuses another site's form post: a second step is a login too", async () => {
    const { account, secret } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    nextStep();
    const response = await api.secondStep(
      { mfa_token: mfaToken, code: await totpCode(secret) },
      { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } },
    );
    expect(await problemOf(response)).toMatchObject({ status: 403, code: "csrf_failed" });
  });

  it("takes exactly one of code and recovery_code: 400 naming the field otherwise", async () => {
    const { account, secret, recoveryCodes } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    const both = await api.secondStep({ mfa_token: mfaToken, code: await totpCode(secret), recovery_code: recoveryCodes[0] });
    expect(both.status).toBe(400);
    expect((await both.json()).errors.map((e: { path: string }) => e.path)).toEqual(["code", "recovery_code"]);
    const neither = await api.secondStep({ mfa_token: mfaToken });
    expect(neither.status).toBe(400);
    const notSix = await api.secondStep({ mfa_token: mfaToken, code: "12345" });
    expect((await notSix.json()).errors).toEqual([{ path: "code", message: "Enter the 6-digit code from your authenticator app." }]);
  });

  it("uses each mfa_token once", async () => {
    const { account, secret } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    nextStep();
    expect((await api.secondStep({ mfa_token: mfaToken, code: await totpCode(secret) })).status).toBe(200);
    nextStep();
    const again = await api.secondStep({ mfa_token: mfaToken, code: await totpCode(secret) });
    expect(await problemOf(again)).toEqual({ status: 401, code: "invalid_mfa_token", challenge: 'Bearer realm="jwt-items"' });
  });

  it("refuses an mfa_token after its 300 s, and an unknown one", async () => {
    const { account, secret } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    vi.setSystemTime(Date.now() + 301_000);
    expect(await problemOf(await api.secondStep({ mfa_token: mfaToken, code: await totpCode(secret) }))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
    expect(await problemOf(await api.secondStep({ mfa_token: "x".repeat(43), code: await totpCode(secret) }))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
  });

  it("accepts the mfa_token only from the client address that passed the password", async () => {
    const { account, secret } = await accountWithTotp();
    const mfaToken = await passwordStep(account, HOME);
    nextStep();
    const code = await totpCode(secret);
    const elsewhere = await api.secondStep({ mfa_token: mfaToken, code }, { ip: "198.51.100.23" });
    expect(await problemOf(elsewhere)).toMatchObject({ status: 401, code: "invalid_mfa_token" });
    expect((await api.secondStep({ mfa_token: mfaToken, code }, { ip: HOME })).status).toBe(200);
  });

  it("answers a wrong code 401 invalid_mfa_code, and voids the mfa_token after 5 of them", async () => {
    const { account, secret } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    for (let i = 0; i < 5; i++) {
      const wrong = await api.secondStep({ mfa_token: mfaToken, code: "000000" });
      expect(await problemOf(wrong)).toEqual({ status: 401, code: "invalid_mfa_code", challenge: 'Bearer realm="jwt-items"' });
    }
    nextStep();
    const right = await api.secondStep({ mfa_token: mfaToken, code: await totpCode(secret) });
    expect(await problemOf(right)).toMatchObject({ status: 401, code: "invalid_mfa_token" });
  });

  it("refuses a code whose time step was used already, in that same step, and takes the next step's", async () => {
    const { account, secret } = await accountWithTotp();
    nextStep();
    const code = await totpCode(secret);
    expect((await api.secondStep({ mfa_token: await passwordStep(account), code })).status).toBe(200);
    const replayed = await api.secondStep({ mfa_token: await passwordStep(account), code });
    expect(await problemOf(replayed)).toMatchObject({ status: 401, code: "invalid_mfa_code" });
    nextStep();
    expect((await api.secondStep({ mfa_token: await passwordStep(account), code: await totpCode(secret) })).status).toBe(200);
  });

  it("spends one recovery code when two requests race with one mfa_token: the loser's stays unused", async () => {
    const { account, recoveryCodes } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    const answers = await Promise.all([
      api.secondStep({ mfa_token: mfaToken, recovery_code: recoveryCodes[0] }),
      api.secondStep({ mfa_token: mfaToken, recovery_code: recoveryCodes[1] }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
    const db = await getDb();
    expect(await db.recoveryCode.count({ where: { userId: account.user.id, usedAt: null } })).toBe(9);
  });

  it("stores no session when the password changed between the two steps", async () => {
    const { account, secret } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    // The setup's session is at aal 2, and the current password is the recent proof.
    const body = { current_password: account.password, new_password: "an entirely new passphrase" };
    const changed = await changePassword(apiRequest("/api/auth/password", { method: "POST", token: account.accessToken, body }), undefined);
    expect(changed.status).toBe(204);
    nextStep();
    const completed = await api.secondStep({ mfa_token: mfaToken, code: await totpCode(secret) });
    expect(await problemOf(completed)).toMatchObject({ status: 401, code: "invalid_mfa_token" });
    expect((await sessionsOf(account.user.id)).map((s) => s.id)).toEqual([account.sessionId]);
  });

  it("gives the refreshed access token the session's aal, amr and auth_time", async () => {
    const { account, secret } = await accountWithTotp();
    const mfaToken = await passwordStep(account);
    nextStep();
    const signedIn = await (await api.secondStep({ mfa_token: mfaToken, code: await totpCode(secret) })).json();
    const authTime = Math.floor(Date.now() / 1000);
    vi.setSystemTime(Date.now() + 120_000);
    const refreshed = await refresh(apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token: signedIn.refresh_token } }), undefined);
    expect(refreshed.status).toBe(200);
    expect(claimsOf((await refreshed.json()).access_token)).toMatchObject({ aal: 2, amr: ["pwd", "otp"], auth_time: authTime });
  });
});

describe("the shared budget of second steps", () => {
  it("answers 429 with Retry-After after 10 wrong codes and recovery codes within 15 minutes, even to a right code", async () => {
    const { account, secret } = await accountWithTotp();
    const first = await passwordStep(account);
    for (let i = 0; i < 5; i++) await api.secondStep({ mfa_token: first, code: "000000" });
    const second = await passwordStep(account);
    for (let i = 0; i < 5; i++) await api.secondStep({ mfa_token: second, recovery_code: "aaaaa-aaaaa" });
    nextStep();
    const third = await passwordStep(account);
    const locked = await api.secondStep({ mfa_token: third, code: await totpCode(secret) });
    expect(locked.status).toBe(429);
    expect((await locked.json()).code).toBe("rate_limited");
    // The window opened at the first wrong code, one step (30 s) before.
    expect(locked.headers.get("retry-after")).toBe("870");
    // Reauthentication draws on the same budget.
    const reauth = await api.reauthenticate(account.accessToken, { code: await totpCode(secret) });
    expect(reauth.status).toBe(429);

    vi.setSystemTime(Date.now() + 871_000);
    const later = await api.secondStep({ mfa_token: await passwordStep(account), code: await totpCode(secret) });
    expect(later.status).toBe(200);
  });

  it("starts again from nothing after a right one", async () => {
    const { account, recoveryCodes } = await accountWithTotp();
    const first = await passwordStep(account);
    for (let i = 0; i < 4; i++) await api.secondStep({ mfa_token: first, code: "000000" });
    const second = await passwordStep(account);
    for (let i = 0; i < 4; i++) await api.secondStep({ mfa_token: second, code: "000000" });
    expect((await api.secondStep({ mfa_token: second, recovery_code: recoveryCodes[0] })).status).toBe(200);
    for (let round = 0; round < 2; round++) {
      const token = await passwordStep(account);
      for (let i = 0; i < 5; i++) expect((await api.secondStep({ mfa_token: token, code: "000000" })).status).toBe(401);
    }
    const past = await api.secondStep({ mfa_token: await passwordStep(account), code: "000000" });
    expect(past.status).toBe(429);
  });
});
