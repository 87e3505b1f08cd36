// Setting TOTP up, turning it off and making new recovery codes through the HTTP handlers
// (README: Second factors), with the notices they mail and the sessions they end.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const { GET: listSessions } = await import("@/app/api/auth/sessions/route");
const { POST: resetPassword } = await import("@/app/api/auth/password/reset/route");
const { issueLinkToken } = await import("@/lib/auth/accounts/link-tokens");
const { getDb } = await import("@/lib/db");
const { createSignedInUser, signInAgain } = await import("../factories/users");
const { totpCode } = await import("../factories/factors");
const { apiRequest } = await import("../helpers/http");
const { api, freezeTotpClock, nextStep, passwordStep, problemOf, setUpTotp } = await import("../helpers/second-factors");

beforeEach(freezeTotpClock);
afterEach(() => {
  vi.useRealTimers();
});

const subjectOf = async (email: string) => (await mailbox.next(email)).subject;

describe("GET /api/auth/mfa", () => {
  it("says what the caller has set up", async () => {
    const account = await createSignedInUser();
    expect(await (await api.status(account.accessToken)).json()).toEqual({ totp: false, recovery_codes_left: 0, passkeys: 0 });
    await setUpTotp(account);
    expect(await (await api.status(account.accessToken)).json()).toEqual({ totp: true, recovery_codes_left: 10, passkeys: 0 });
  });

  it("needs an access token", async () => {
    expect(await problemOf(await api.status(""))).toMatchObject({ status: 401, code: "authentication_required" });
  });
});

describe("POST /api/auth/mfa/totp", () => {
  it("answers 201 with a base32 secret, the otpauth URI with the app as issuer, and an SVG of it", async () => {
    const account = await createSignedInUser();
    const response = await api.startTotp(account.accessToken);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{16,}$/);
    const [label, query] = body.otpauth_uri.replace(/^otpauth:\/\/totp\//, "").split("?");
    expect(body.otpauth_uri).toMatch(/^otpauth:\/\/totp\//);
    expect(decodeURIComponent(label)).toBe(`JWT Items:${account.user.email}`);
    const uri = new URLSearchParams(query);
    expect(uri.get("secret")).toBe(body.secret);
    expect(uri.get("issuer")).toBe("JWT Items");
    expect(body.qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it("keeps TOTP off until a code confirms it: the password alone still signs in", async () => {
    const account = await createSignedInUser();
    await api.startTotp(account.accessToken);
    const login = await (await api.logIn({ email: account.user.email, password: account.password })).json();
    expect(login.access_token).toBeDefined();
    expect(await (await api.status(account.accessToken)).json()).toMatchObject({ totp: false });
  });

  it("answers 409 mfa_already_enabled once TOTP is on", async () => {
    const account = await createSignedInUser();
    await setUpTotp(account);
    expect(await problemOf(await api.startTotp(account.accessToken))).toMatchObject({ status: 409, code: "mfa_already_enabled" });
  });

  it("replaces a pending setup: a code of the first secret no longer confirms", async () => {
    const account = await createSignedInUser();
    const first = (await (await api.startTotp(account.accessToken)).json()).secret;
    const second = (await (await api.startTotp(account.accessToken)).json()).secret;
    expect(second).not.toBe(first);
    expect(await problemOf(await api.confirmTotp(account.accessToken, await totpCode(first)))).toMatchObject({ status: 403, code: "invalid_mfa_code" });
    expect((await api.confirmTotp(account.accessToken, await totpCode(second))).status).toBe(200);
  });
});

describe("POST /api/auth/mfa/totp/confirm", () => {
  it("turns TOTP on, answers 10 recovery codes, ends every other session (mfa_enabled) and mails a notice", async () => {
    const account = await createSignedInUser();
    const other = await signInAgain(account.user);
    const { secret } = await (await api.startTotp(account.accessToken)).json();
    const response = await api.confirmTotp(account.accessToken, await totpCode(secret));
    expect(response.status).toBe(200);
    const { recovery_codes } = await response.json();
    expect(recovery_codes).toHaveLength(10);
    for (const code of recovery_codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
    expect(await subjectOf(account.user.email)).toBe("Two-step sign-in is on · JWT Items");

    const db = await getDb();
    expect(await db.session.findUniqueOrThrow({ where: { id: other.sessionId }, select: { endReason: true } })).toEqual({ endReason: "mfa_enabled" });
    // The other device's token stops working at once; this session stays, at aal 2.
    expect(await problemOf(await api.status(other.accessToken))).toMatchObject({ status: 401, code: "session_revoked" });
    expect(await db.session.findUniqueOrThrow({ where: { id: account.sessionId }, select: { aal: true, amr: true, endedAt: true } })).toEqual({
      aal: 2,
      amr: ["pwd", "otp"],
      endedAt: null,
    });
    const ended = await listSessions(apiRequest("/api/auth/sessions?include=ended", { token: account.accessToken }), undefined);
    expect((await ended.json()).sessions.find((s: { id: string }) => s.id === other.sessionId)).toMatchObject({ endReason: "mfa_enabled" });
  });

  it("answers a wrong code 403 invalid_mfa_code and leaves TOTP off", async () => {
    const account = await createSignedInUser();
    await api.startTotp(account.accessToken);
    expect(await problemOf(await api.confirmTotp(account.accessToken, "000000"))).toMatchObject({ status: 403, code: "invalid_mfa_code" });
    expect(await (await api.status(account.accessToken)).json()).toMatchObject({ totp: false });
  });

  it("answers 409 no_pending_setup without a setup, and for one older than 10 minutes", async () => {
    const account = await createSignedInUser();
    expect(await problemOf(await api.confirmTotp(account.accessToken, "123456"))).toMatchObject({ status: 409, code: "no_pending_setup" });
    const { secret } = await (await api.startTotp(account.accessToken)).json();
    vi.setSystemTime(Date.now() + 601_000);
    // Recent enough for the step-up rule again: this test is about the setup's own age.
    const db = await getDb();
    await db.session.update({ where: { id: account.sessionId }, data: { authTime: new Date() } });
    expect(await problemOf(await api.confirmTotp(account.accessToken, await totpCode(secret)))).toMatchObject({ status: 409, code: "no_pending_setup" });
  });
});

describe("DELETE /api/auth/mfa/totp", () => {
  it("turns TOTP off, voids the recovery codes and mails a notice; the password alone signs in again", async () => {
    const account = await createSignedInUser();
    const { recoveryCodes } = await setUpTotp(account);
    await mailbox.next(account.user.email);
    expect((await api.disableTotp(account.accessToken)).status).toBe(204);
    expect(await subjectOf(account.user.email)).toBe("Two-step sign-in is off · JWT Items");
    expect(await (await api.status(account.accessToken)).json()).toEqual({ totp: false, recovery_codes_left: 0, passkeys: 0 });
    const login = await (await api.logIn({ email: account.user.email, password: account.password })).json();
    expect(login.access_token).toBeDefined();
    const db = await getDb();
    expect(await db.recoveryCode.count({ where: { userId: account.user.id } })).toBe(0);
    expect(recoveryCodes).toHaveLength(10);
  });

  it("answers 409 mfa_not_enabled when TOTP is off", async () => {
    const account = await createSignedInUser();
    expect(await problemOf(await api.disableTotp(account.accessToken))).toMatchObject({ status: 409, code: "mfa_not_enabled" });
  });

  it("needs aal 2: a session that signed in with the password alone gets step_up_required", async () => {
    const account = await createSignedInUser();
    await setUpTotp(account);
    // A session of this account at aal 1, as one from before TOTP (or a restored backup) would be.
    const db = await getDb();
    await db.session.update({ where: { id: account.sessionId }, data: { aal: 1, amr: ["pwd"] } });
    const refused = await api.disableTotp(account.accessToken);
    expect(await problemOf(refused)).toMatchObject({ status: 401, code: "step_up_required" });
    expect(refused.headers.get("www-authenticate")).toContain('acr_values="aal2"');
    expect(await (await api.status(account.accessToken)).json()).toMatchObject({ totp: true });
  });
});

describe("POST /api/auth/mfa/recovery-codes", () => {
  it("answers a new set of 10, voids the old set at once and mails a notice", async () => {
    const account = await createSignedInUser();
    const { recoveryCodes: old } = await setUpTotp(account);
    await mailbox.next(account.user.email);
    const response = await api.renewCodes(account.accessToken);
    expect(response.status).toBe(200);
    const { recovery_codes } = await response.json();
    expect(recovery_codes).toHaveLength(10);
    expect(recovery_codes).not.toContain(old[0]);
    expect(await subjectOf(account.user.email)).toBe("New recovery codes were made · JWT Items");
    const oldOne = await api.secondStep({ mfa_token: await passwordStep(account), recovery_code: old[0] });
    expect(await problemOf(oldOne)).toMatchObject({ status: 401, code: "invalid_mfa_code" });
    expect((await api.secondStep({ mfa_token: await passwordStep(account), recovery_code: recovery_codes[0] })).status).toBe(200);
  });

  it("answers 409 mfa_not_enabled while TOTP is off", async () => {
    const account = await createSignedInUser();
    expect(await problemOf(await api.renewCodes(account.accessToken))).toMatchObject({ status: 409, code: "mfa_not_enabled" });
  });
});

describe("a password reset", () => {
  it("leaves TOTP on: the new password is still only the first step", async () => {
    const account = await createSignedInUser();
    const { secret } = await setUpTotp(account);
    const token = await issueLinkToken(account.user.id, "password_reset", account.user.email, 600);
    const body = { token, new_password: "a brand new passphrase" };
    expect((await resetPassword(apiRequest("/api/auth/password/reset", { method: "POST", body }), undefined)).status).toBe(204);
    const login = await api.logIn({ email: account.user.email, password: "a brand new passphrase" }, "203.0.113.61");
    const answer = await login.json();
    expect(answer).toMatchObject({ mfa_required: true });
    expect(answer.access_token).toBeUndefined();
    nextStep();
    const completed = await api.secondStep({ mfa_token: answer.mfa_token, code: await totpCode(secret) }, { ip: "203.0.113.61" });
    expect(completed.status).toBe(200);
  });
});
