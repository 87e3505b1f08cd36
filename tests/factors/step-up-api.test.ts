// Step-up through the HTTP handlers (README: Step-up): sensitive actions need a recent proof,
// and aal 2 when the account has TOTP; the 401 says which with RFC 9470's challenge, and
// POST /api/auth/reauthenticate gives the session what it lacks.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const { POST: changePassword } = await import("@/app/api/auth/password/route");
const { POST: changeEmail } = await import("@/app/api/auth/email/route");
const { DELETE: deleteMe } = await import("@/app/api/auth/me/route");
const { signAccessToken } = await import("@/lib/auth/identity/jwt");
const { getDb } = await import("@/lib/db");
const { createSignedInUser } = await import("../factories/users");
const { totpCode } = await import("../factories/factors");
const { apiRequest, setCookies } = await import("../helpers/http");
const { api, claimsOf, freezeTotpClock, nextStep, problemOf, setUpTotp } = await import("../helpers/second-factors");

beforeEach(freezeTotpClock);
afterEach(() => {
  vi.useRealTimers();
});

const RECENT_PROOF_MISSING =
  'Bearer realm="jwt-items", error="insufficient_user_authentication", error_description="A more recent authentication is required", max_age=600';
const SECOND_FACTOR_MISSING =
  'Bearer realm="jwt-items", error="insufficient_user_authentication", error_description="A second factor is required", max_age=600, acr_values="aal2"';

/** Sets what the caller's session has proved, as a session of that age and level would have. */
async function setSession(sessionId: string, data: { aal?: number; amr?: ("pwd" | "otp" | "rec")[]; secondsAgo?: number }) {
  const db = await getDb();
  const { secondsAgo, ...rest } = data;
  await db.session.update({
    where: { id: sessionId },
    data: { ...rest, ...(secondsAgo !== undefined ? { authTime: new Date(Date.now() - secondsAgo * 1000) } : {}) },
  });
}

async function accountWithTotp() {
  const account = await createSignedInUser();
  const factors = await setUpTotp(account);
  await mailbox.next(account.user.email);
  return { account, ...factors };
}

const passwordChange = (token: string, current: string) =>
  changePassword(apiRequest("/api/auth/password", { method: "POST", token, body: { current_password: current, new_password: "a fresh new passphrase" } }), undefined);
const emailChange = (token: string, password: string) =>
  changeEmail(apiRequest("/api/auth/email", { method: "POST", token, body: { new_email: `new-${crypto.randomUUID()}@example.com`, password } }), undefined);
const accountDeletion = (token: string, password: string) =>
  deleteMe(apiRequest("/api/auth/me", { method: "DELETE", token, body: { password } }), undefined);

describe("the step-up challenge", () => {
  it("asks for a recent proof past REAUTH_MAX_AGE, in RFC 9470's words with max_age", async () => {
    const account = await createSignedInUser();
    await setSession(account.sessionId, { secondsAgo: 601 });
    const refused = await api.startTotp(account.accessToken);
    expect(await problemOf(refused)).toEqual({ status: 401, code: "step_up_required", challenge: RECENT_PROOF_MISSING });
  });

  it("lets a proof of exactly REAUTH_MAX_AGE ago through", async () => {
    const account = await createSignedInUser();
    await setSession(account.sessionId, { secondsAgo: 600 });
    expect((await api.startTotp(account.accessToken)).status).toBe(201);
  });

  it("asks for aal 2 with acr_values=\"aal2\" when the account has TOTP and the session proved only the password", async () => {
    const { account } = await accountWithTotp();
    await setSession(account.sessionId, { aal: 1, amr: ["pwd"], secondsAgo: 0 });
    for (const refused of [await api.renewCodes(account.accessToken), await api.disableTotp(account.accessToken)]) {
      expect(await problemOf(refused)).toEqual({ status: 401, code: "step_up_required", challenge: SECOND_FACTOR_MISSING });
    }
  });

  it("asks an aal 2 session for a recent proof again once its proof is old, without acr_values", async () => {
    const { account } = await accountWithTotp();
    await setSession(account.sessionId, { secondsAgo: 601 });
    expect(await problemOf(await api.renewCodes(account.accessToken))).toEqual({ status: 401, code: "step_up_required", challenge: RECENT_PROOF_MISSING });
  });

  it("decides from the session, not the token's claims", async () => {
    const { account } = await accountWithTotp();
    await setSession(account.sessionId, { aal: 1, amr: ["pwd"] });
    // A token that claims aal 2 for an aal 1 session is refused all the same.
    const claimsMore = await signAccessToken({
      sub: account.user.id,
      sid: account.sessionId,
      role: "user",
      assurance: { aal: 2, amr: ["pwd", "otp"], authTime: new Date() },
    });
    expect(claimsOf(claimsMore)).toMatchObject({ aal: 2 });
    expect(await problemOf(await api.renewCodes(claimsMore))).toMatchObject({ status: 401, code: "step_up_required" });
  });
});

describe("sensitive actions that take the current password", () => {
  it("count the right password as the recent proof, however old the session's", async () => {
    const account = await createSignedInUser();
    await setSession(account.sessionId, { secondsAgo: 86_400 });
    expect((await emailChange(account.accessToken, account.password)).status).toBe(202);
    expect((await passwordChange(account.accessToken, account.password)).status).toBe(204);
  });

  it("still need aal 2 when the account has TOTP, before the password is even looked at", async () => {
    const { account } = await accountWithTotp();
    await setSession(account.sessionId, { aal: 1, amr: ["pwd"], secondsAgo: 0 });
    for (const refused of [
      await passwordChange(account.accessToken, account.password),
      await emailChange(account.accessToken, account.password),
      await accountDeletion(account.accessToken, account.password),
    ]) {
      expect(await problemOf(refused)).toEqual({ status: 401, code: "step_up_required", challenge: SECOND_FACTOR_MISSING });
    }
  });

  it("go ahead at aal 2 with the right password, and answer a wrong one 403", async () => {
    const { account } = await accountWithTotp();
    await setSession(account.sessionId, { secondsAgo: 86_400 });
    expect(await problemOf(await passwordChange(account.accessToken, "not the password"))).toMatchObject({ status: 403, code: "invalid_credentials" });
    expect((await accountDeletion(account.accessToken, account.password)).status).toBe(204);
  });
});

describe("POST /api/auth/reauthenticate", () => {
  it("with the password: a fresh auth_time at the same aal, and a new access token that says so", async () => {
    const account = await createSignedInUser();
    await setSession(account.sessionId, { secondsAgo: 3600 });
    const response = await api.reauthenticate(account.accessToken, { password: account.password });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 900 });
    expect(claimsOf(body.access_token)).toMatchObject({ sid: account.sessionId, aal: 1, amr: ["pwd"], auth_time: Math.floor(Date.now() / 1000) });
    // The API client keeps its refresh token: none is set or sent.
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await api.startTotp(body.access_token)).status).toBe(201);
  });

  it("with a code: aal 2, amr with otp, and the sensitive action goes through", async () => {
    const { account, secret } = await accountWithTotp();
    await setSession(account.sessionId, { aal: 1, amr: ["pwd"], secondsAgo: 3600 });
    nextStep();
    const response = await api.reauthenticate(account.accessToken, { code: await totpCode(secret) });
    expect(response.status).toBe(200);
    const { access_token } = await response.json();
    expect(claimsOf(access_token)).toMatchObject({ aal: 2, amr: ["pwd", "otp"], auth_time: Math.floor(Date.now() / 1000) });
    // The session decides: even the token from before the proof may now act.
    expect((await api.renewCodes(account.accessToken)).status).toBe(200);
  });

  it("with a recovery code: aal 2, amr with rec, the code used up and the owner told", async () => {
    const { account, recoveryCodes } = await accountWithTotp();
    await setSession(account.sessionId, { aal: 1, amr: ["pwd"] });
    const response = await api.reauthenticate(account.accessToken, { recovery_code: recoveryCodes[4] });
    expect(claimsOf((await response.json()).access_token)).toMatchObject({ aal: 2, amr: ["pwd", "rec"] });
    expect((await mailbox.next(account.user.email)).subject).toBe("A recovery code was used · JWT Items");
    const again = await api.reauthenticate(account.accessToken, { recovery_code: recoveryCodes[4] });
    expect(await problemOf(again)).toMatchObject({ status: 403, code: "invalid_mfa_code" });
  });

  it("renews a browser's access cookie, and only that one", async () => {
    const account = await createSignedInUser();
    const browser = { headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } };
    const response = await api.reauthenticate(account.accessToken, { password: account.password }, browser);
    expect(response.status).toBe(200);
    expect([...setCookies(response).keys()]).toEqual(["access_token"]);
    expect((await response.json()).refresh_token).toBeUndefined();
  });

  it("refuses a code whose step was used already", async () => {
    const { account, secret } = await accountWithTotp();
    // The confirmation used this step's code.
    const replayed = await api.reauthenticate(account.accessToken, { code: await totpCode(secret) });
    expect(await problemOf(replayed)).toMatchObject({ status: 403, code: "invalid_mfa_code" });
  });

  it("answers wrong passwords 403 and counts them as failed logins: 429 past the limit, the right one included", async () => {
    const account = await createSignedInUser();
    for (let i = 0; i < 5; i++) {
      expect(await problemOf(await api.reauthenticate(account.accessToken, { password: "not the password" }))).toMatchObject({ status: 403, code: "invalid_credentials" });
    }
    const locked = await api.reauthenticate(account.accessToken, { password: account.password });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("answers a code while TOTP is off 403 invalid_mfa_code", async () => {
    const account = await createSignedInUser();
    expect(await problemOf(await api.reauthenticate(account.accessToken, { code: "123456" }))).toMatchObject({ status: 403, code: "invalid_mfa_code" });
  });

  it("takes exactly one of password, code and recovery_code", async () => {
    const account = await createSignedInUser();
    const both = await api.reauthenticate(account.accessToken, { password: account.password, code: "123456" });
    expect(both.status).toBe(400);
    expect((await both.json()).errors.map((e: { path: string }) => e.path)).toEqual(["password", "code"]);
    expect((await api.reauthenticate(account.accessToken, {})).status).toBe(400);
  });

  it("needs a live session", async () => {
    expect(await problemOf(await api.reauthenticate("", { password: "whatever it is" }))).toMatchObject({ status: 401, code: "authentication_required" });
  });
});
