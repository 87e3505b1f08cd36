import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyTotpCode } from "@/lib/auth/factors/totp-codes";
import { createSignedInUser } from "../factories/users";
import { totpCode, turnOnTotp } from "../factories/factors";

const STEP_MS = 30_000;

// Only Date is faked, so time steps can pass without waiting; timers and the database run as ever.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: Math.floor(Date.now() / STEP_MS) * STEP_MS + 10_000 });
});
afterEach(() => {
  vi.useRealTimers();
});
const nextStep = (steps = 1) => vi.setSystemTime(Date.now() + steps * STEP_MS);

describe("a TOTP code", () => {
  it("is accepted for the current step and one step either side, not two", async () => {
    const account = await createSignedInUser();
    const { secret } = await turnOnTotp(account);
    nextStep(3);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret, -2))).toBe(false);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret, 2))).toBe(false);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret, -1))).toBe(true);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret, 0))).toBe(true);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret, 1))).toBe(true);
  });

  it("accepts spaces inside a code, and nothing but six digits", async () => {
    const account = await createSignedInUser();
    const { secret } = await turnOnTotp(account);
    nextStep();
    const code = await totpCode(secret);
    expect(await verifyTotpCode(account.user.id, `${code}0`)).toBe(false);
    expect(await verifyTotpCode(account.user.id, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(true);
  });

  it("is refused when its time step was used already, even typed again a moment later", async () => {
    const account = await createSignedInUser();
    const { secret } = await turnOnTotp(account);
    nextStep();
    const code = await totpCode(secret);
    expect(await verifyTotpCode(account.user.id, code)).toBe(true);
    vi.setSystemTime(Date.now() + 5_000);
    expect(await verifyTotpCode(account.user.id, code)).toBe(false);
  });

  it("of an earlier step is refused once a later step was used", async () => {
    const account = await createSignedInUser();
    const { secret } = await turnOnTotp(account);
    nextStep(2);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret, 1))).toBe(true);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret, 0))).toBe(false);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret, -1))).toBe(false);
  });

  it("sent twice at the same moment is accepted exactly once, round after round", async () => {
    const account = await createSignedInUser();
    const { secret } = await turnOnTotp(account);
    for (let round = 0; round < 12; round++) {
      nextStep();
      const code = await totpCode(secret);
      const results = await Promise.all([verifyTotpCode(account.user.id, code), verifyTotpCode(account.user.id, code)]);
      expect(results.filter(Boolean), `round ${round}`).toHaveLength(1);
    }
  });

  it("of one account does nothing for another account", async () => {
    const alice = await createSignedInUser();
    const bob = await createSignedInUser();
    const { secret } = await turnOnTotp(alice);
    await turnOnTotp(bob);
    nextStep();
    expect(await verifyTotpCode(bob.user.id, await totpCode(secret))).toBe(false);
  });
});
