import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const { getDb } = await import("@/lib/db");
const { confirmTotpSetup, disableTotp, startTotpSetup } = await import("@/lib/auth/factors/totp-setup");
const { renewRecoveryCodes } = await import("@/lib/auth/factors/recovery-sets");
const { getMfaStatus } = await import("@/lib/auth/factors/status");
const { readAssurance } = await import("@/lib/auth/factors/assurance");
const { verifyTotpCode } = await import("@/lib/auth/factors/totp-codes");
const { redeemRecoveryCode } = await import("@/lib/auth/factors/recovery-codes");
const { createSignedInUser, signInAgain } = await import("../factories/users");
const { totpCode, turnOnTotp } = await import("../factories/factors");

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: { status: number; code: string }) => ({ status: error.status, code: error.code }));

describe("setting TOTP up", () => {
  it("starts with a base32 secret, its otpauth URI under the app's name, and a QR code of it", async () => {
    const { user } = await createSignedInUser({ email: `setup-${Date.now()}@example.com` });
    const setup = await startTotpSetup(user.id, user.email);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUri).toBe(`otpauth://totp/JWT%20Items:${encodeURIComponent(user.email)}?secret=${setup.secret}&issuer=JWT%20Items`);
    expect(setup.qrSvg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\n?$/);
    expect(await getMfaStatus(user.id)).toEqual({ totp: false, recoveryCodesLeft: 0 });
  });

  it("stores the secret only sealed, under a named key", async () => {
    const { user } = await createSignedInUser();
    const { secret } = await startTotpSetup(user.id, user.email);
    const db = await getDb();
    const row = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(Buffer.from(row.secretCiphertext).toString("latin1")).not.toContain(secret);
  });

  it("replaces a pending setup when started again: the first secret's codes no longer confirm", async () => {
    const account = await createSignedInUser();
    const first = await startTotpSetup(account.user.id, account.user.email);
    const second = await startTotpSetup(account.user.id, account.user.email);
    expect(second.secret).not.toBe(first.secret);
    const stale = confirmTotpSetup(account.user.id, account.user.email, account.sessionId, await totpCode(first.secret));
    expect(await rejection(stale)).toEqual({ status: 403, code: "invalid_mfa_code" });
    await confirmTotpSetup(account.user.id, account.user.email, account.sessionId, await totpCode(second.secret));
    expect((await getMfaStatus(account.user.id)).totp).toBe(true);
  });

  it("never replaces a confirmed setup: 409 mfa_already_enabled", async () => {
    const account = await createSignedInUser();
    await turnOnTotp(account);
    expect(await rejection(startTotpSetup(account.user.id, account.user.email))).toEqual({ status: 409, code: "mfa_already_enabled" });
  });

  it("refuses a wrong code with 403 invalid_mfa_code, and leaves the setup pending", async () => {
    const account = await createSignedInUser();
    const { secret } = await startTotpSetup(account.user.id, account.user.email);
    const wrong = String((Number(await totpCode(secret)) + 1) % 1_000_000).padStart(6, "0");
    expect(await rejection(confirmTotpSetup(account.user.id, account.user.email, account.sessionId, wrong))).toEqual({ status: 403, code: "invalid_mfa_code" });
    expect(await rejection(confirmTotpSetup(account.user.id, account.user.email, account.sessionId, "abc"))).toEqual({ status: 403, code: "invalid_mfa_code" });
    expect((await getMfaStatus(account.user.id)).totp).toBe(false);
  });

  it("answers 409 no_pending_setup with no setup, or one older than 10 minutes", async () => {
    const account = await createSignedInUser();
    expect(await rejection(confirmTotpSetup(account.user.id, account.user.email, account.sessionId, "123456"))).toEqual({ status: 409, code: "no_pending_setup" });
    const { secret } = await startTotpSetup(account.user.id, account.user.email);
    const db = await getDb();
    await db.totpFactor.update({ where: { userId: account.user.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000 - 1000) } });
    const late = confirmTotpSetup(account.user.id, account.user.email, account.sessionId, await totpCode(secret));
    expect(await rejection(late)).toEqual({ status: 409, code: "no_pending_setup" });
  });

  it("turns TOTP on with 10 distinct recovery codes, raises the session to aal 2 and ends the others", async () => {
    const account = await createSignedInUser();
    const other = await signInAgain(account.user, "another device");
    const { recoveryCodes } = await turnOnTotp(account);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
    expect(await getMfaStatus(account.user.id)).toEqual({ totp: true, recoveryCodesLeft: 10 });
    expect(await readAssurance(account.sessionId, account.user.id)).toMatchObject({ aal: 2, amr: ["pwd", "otp"] });
    const db = await getDb();
    expect(await db.session.findUniqueOrThrow({ where: { id: other.sessionId }, select: { endReason: true } })).toEqual({ endReason: "mfa_enabled" });
    expect(await db.session.findUniqueOrThrow({ where: { id: account.sessionId }, select: { endedAt: true } })).toEqual({ endedAt: null });
  });

  it("counts the confirming code's step as used: the same code does not then sign in", async () => {
    const account = await createSignedInUser();
    const { secret } = await startTotpSetup(account.user.id, account.user.email);
    const code = await totpCode(secret);
    await confirmTotpSetup(account.user.id, account.user.email, account.sessionId, code);
    expect(await verifyTotpCode(account.user.id, code)).toBe(false);
  });

  it("mails a notice when TOTP is turned on, and when it is turned off", async () => {
    const account = await createSignedInUser();
    await turnOnTotp(account);
    const on = await mailbox.next(account.user.email);
    expect(on.subject).toBe("Two-step sign-in is on · JWT Items");
    expect(on.text).toContain("Your other devices were signed out.");
    expect(await disableTotp(account.user.id, account.user.email)).toBe(true);
    const off = await mailbox.next(account.user.email);
    expect(off.subject).toBe("Two-step sign-in is off · JWT Items");
  });

  it("turns TOTP off and voids the recovery codes; off again changes nothing", async () => {
    const account = await createSignedInUser();
    const { secret, recoveryCodes } = await turnOnTotp(account);
    expect(await disableTotp(account.user.id, account.user.email)).toBe(true);
    expect(await getMfaStatus(account.user.id)).toEqual({ totp: false, recoveryCodesLeft: 0 });
    expect(await verifyTotpCode(account.user.id, await totpCode(secret, 1))).toBe(false);
    expect(await redeemRecoveryCode(account.user.id, recoveryCodes[0]!)).toBeNull();
    expect(await disableTotp(account.user.id, account.user.email)).toBe(false);
  });
});

describe("new recovery codes", () => {
  it("void the old set at once, work themselves, and are mailed about", async () => {
    const account = await createSignedInUser();
    const { recoveryCodes: old } = await turnOnTotp(account);
    await mailbox.next(account.user.email);
    const fresh = await renewRecoveryCodes(account.user.id, account.user.email);
    expect(fresh).toHaveLength(10);
    expect(await redeemRecoveryCode(account.user.id, old[0]!)).toBeNull();
    expect(await redeemRecoveryCode(account.user.id, fresh[0]!)).toEqual({ left: 9 });
    expect((await mailbox.next(account.user.email)).subject).toBe("New recovery codes were made · JWT Items");
  });

  it("are refused while TOTP is off: 409 mfa_not_enabled", async () => {
    const { user } = await createSignedInUser();
    expect(await rejection(renewRecoveryCodes(user.id, user.email))).toEqual({ status: 409, code: "mfa_not_enabled" });
  });
});
