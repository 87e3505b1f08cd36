import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { readAssurance } from "@/lib/auth/factors/assurance";
import { issueMfaToken } from "@/lib/auth/factors/mfa-tokens";
import { checkSecondFactor, passSecondStep, reauthenticateWithFactor } from "@/lib/auth/factors/second-step";
import { createSignedInUser } from "../factories/users";
import { totpCode, turnOnTotp } from "../factories/factors";

const STEP_MS = 30_000;
const HOME = "203.0.113.7";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: Math.floor(Date.now() / STEP_MS) * STEP_MS + 10_000 });
});
afterEach(() => {
  vi.useRealTimers();
});
const nextStep = () => vi.setSystemTime(Date.now() + STEP_MS);

type Refusal = { status: number; code: string; headers?: HeadersInit };
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: Refusal) => ({ status: error.status, code: error.code, retryAfter: new Headers(error.headers).get("retry-after") }),
  );
const wrongCode = { code: "000000" };

/** The account and the credentials version a password step would have read now. */
async function holderOf(userId: string) {
  const db = await getDb();
  const { credentialsVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { credentialsVersion: true } });
  return { userId, credentialsVersion };
}

async function accountWithTotp() {
  const account = await createSignedInUser();
  return { account, ...(await turnOnTotp(account)) };
}

describe("the budget of second steps", () => {
  it("refuses further second steps for 15 minutes after 10 wrong ones, TOTP and recovery codes counted together", async () => {
    const { account, secret, recoveryCodes } = await accountWithTotp();
    const userId = account.user.id;
    for (let i = 0; i < 5; i++) expect(await checkSecondFactor(userId, wrongCode)).toBeNull();
    for (let i = 0; i < 5; i++) expect(await checkSecondFactor(userId, { recoveryCode: "aaaaa-aaaaa" })).toBeNull();
    nextStep();
    const locked = await refusal(checkSecondFactor(userId, { code: await totpCode(secret) }));
    // The window opened at the first wrong code, one time step (30 s) ago.
    expect(locked).toEqual({ status: 429, code: "rate_limited", retryAfter: "870" });
    expect(await refusal(checkSecondFactor(userId, { recoveryCode: recoveryCodes[0]! }))).toMatchObject({ status: 429 });
    vi.setSystemTime(Date.now() + 901_000);
    expect(await checkSecondFactor(userId, { code: await totpCode(secret) })).toEqual({ method: "otp" });
  });

  it("starts again from nothing after a success", async () => {
    const { account, recoveryCodes } = await accountWithTotp();
    for (let i = 0; i < 9; i++) await checkSecondFactor(account.user.id, wrongCode);
    expect(await checkSecondFactor(account.user.id, { recoveryCode: recoveryCodes[0]! })).toEqual({ method: "rec", recoveryCodesLeft: 9 });
    for (let i = 0; i < 10; i++) expect(await checkSecondFactor(account.user.id, wrongCode)).toBeNull();
    expect(await refusal(checkSecondFactor(account.user.id, wrongCode))).toMatchObject({ status: 429 });
  });

  it("judges at most 10 of many wrong codes sent at once", async () => {
    const { account } = await accountWithTotp();
    const results = await Promise.all(Array.from({ length: 16 }, () => refusal(checkSecondFactor(account.user.id, wrongCode))));
    expect(results.filter((r) => r === null)).toHaveLength(10);
    expect(results.filter((r) => r?.status === 429)).toHaveLength(6);
  });
});

describe("the second step of a login", () => {
  it("completes with a right code from the address that passed the password, once", async () => {
    const { account, secret } = await accountWithTotp();
    const { mfaToken, expiresIn } = await issueMfaToken(await holderOf(account.user.id), HOME);
    expect(expiresIn).toBe(300);
    expect(mfaToken).toMatch(/^[\w-]{43}$/);
    nextStep();
    expect(await passSecondStep(mfaToken, HOME, { code: await totpCode(secret) })).toEqual({ ...(await holderOf(account.user.id)), method: "otp" });
    nextStep();
    const again = passSecondStep(mfaToken, HOME, { code: await totpCode(secret) });
    expect(await refusal(again)).toMatchObject({ status: 401, code: "invalid_mfa_token" });
  });

  it("completes with a recovery code, saying how many are left", async () => {
    const { account, recoveryCodes } = await accountWithTotp();
    const { mfaToken } = await issueMfaToken(await holderOf(account.user.id), HOME);
    expect(await passSecondStep(mfaToken, HOME, { recoveryCode: recoveryCodes[3]! })).toEqual({ ...(await holderOf(account.user.id)), method: "rec", recoveryCodesLeft: 9 });
  });

  it("is stored only as a hash", async () => {
    const { account } = await accountWithTotp();
    const { mfaToken } = await issueMfaToken(await holderOf(account.user.id), HOME);
    const db = await getDb();
    const rows = await db.mfaToken.findMany({ where: { userId: account.user.id }, select: { tokenHash: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(mfaToken);
  });

  it("refuses an unknown token, one from another address and an expired one with 401 invalid_mfa_token", async () => {
    const { account, secret } = await accountWithTotp();
    const { mfaToken } = await issueMfaToken(await holderOf(account.user.id), HOME);
    nextStep();
    const code = { code: await totpCode(secret) };
    expect(await refusal(passSecondStep("no-such-token", HOME, code))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
    expect(await refusal(passSecondStep(mfaToken, "198.51.100.9", code))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
    vi.setSystemTime(Date.now() + 300_000);
    expect(await refusal(passSecondStep(mfaToken, HOME, { code: await totpCode(secret) }))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
  });

  it("answers a wrong code with 401 invalid_mfa_code, and voids the token after 5 of them", async () => {
    const { account, secret } = await accountWithTotp();
    const { mfaToken } = await issueMfaToken(await holderOf(account.user.id), HOME);
    for (let i = 0; i < 5; i++) {
      expect(await refusal(passSecondStep(mfaToken, HOME, wrongCode))).toMatchObject({ status: 401, code: "invalid_mfa_code" });
    }
    nextStep();
    expect(await refusal(passSecondStep(mfaToken, HOME, { code: await totpCode(secret) }))).toMatchObject({ status: 401, code: "invalid_mfa_token" });
  });

  it("takes a right code after 4 wrong ones", async () => {
    const { account, secret } = await accountWithTotp();
    const { mfaToken } = await issueMfaToken(await holderOf(account.user.id), HOME);
    for (let i = 0; i < 4; i++) await refusal(passSecondStep(mfaToken, HOME, wrongCode));
    nextStep();
    expect(await passSecondStep(mfaToken, HOME, { code: await totpCode(secret) })).toMatchObject({ method: "otp" });
  });

  it("judges at most 5 codes of one token sent at once", async () => {
    const { account } = await accountWithTotp();
    const { mfaToken } = await issueMfaToken(await holderOf(account.user.id), HOME);
    const results = await Promise.all(Array.from({ length: 8 }, () => refusal(passSecondStep(mfaToken, HOME, wrongCode))));
    expect(results.filter((r) => r?.code === "invalid_mfa_code")).toHaveLength(5);
    expect(results.filter((r) => r?.code === "invalid_mfa_token")).toHaveLength(3);
  });
});

describe("reauthentication with a second factor", () => {
  it("raises the session to aal 2 with a fresh auth_time", async () => {
    const { account, secret } = await accountWithTotp();
    const db = await getDb();
    const longAgo = new Date(Date.now() - 3600_000);
    await db.session.update({ where: { id: account.sessionId }, data: { aal: 1, amr: ["pwd"], authTime: longAgo } });
    nextStep();
    expect(await reauthenticateWithFactor(account.user.id, account.sessionId, { code: await totpCode(secret) })).toEqual({ method: "otp" });
    expect(await readAssurance(account.sessionId, account.user.id)).toEqual({ aal: 2, amr: ["pwd", "otp"], authTime: new Date() });
  });

  it("answers a wrong code with 403 invalid_mfa_code and leaves the session as it was", async () => {
    const { account } = await accountWithTotp();
    const db = await getDb();
    await db.session.update({ where: { id: account.sessionId }, data: { aal: 1, amr: ["pwd"] } });
    expect(await refusal(reauthenticateWithFactor(account.user.id, account.sessionId, wrongCode))).toMatchObject({ status: 403, code: "invalid_mfa_code" });
    expect(await readAssurance(account.sessionId, account.user.id)).toMatchObject({ aal: 1, amr: ["pwd"] });
  });
});
