import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const { getDb } = await import("@/lib/db");
const { redeemRecoveryCode } = await import("@/lib/auth/factors/recovery-codes");
const { spendRecoveryCode } = await import("@/lib/auth/factors/recovery-sets");
const { getMfaStatus } = await import("@/lib/auth/factors/status");
const { createSignedInUser } = await import("../factories/users");
const { turnOnTotp } = await import("../factories/factors");

describe("a recovery code", () => {
  it("is stored only as a keyed hash", async () => {
    const account = await createSignedInUser();
    const { recoveryCodes } = await turnOnTotp(account);
    const db = await getDb();
    const stored = await db.recoveryCode.findMany({ where: { userId: account.user.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    const plain = recoveryCodes.flatMap((code) => [code, code.replace("-", "")]);
    for (const { codeHash } of stored) {
      expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(plain).not.toContain(codeHash);
    }
  });

  it("works once, matched ignoring case, spaces and dashes, and says how many are left", async () => {
    const account = await createSignedInUser();
    const { recoveryCodes } = await turnOnTotp(account);
    const [first, second] = recoveryCodes as [string, string];
    expect(await redeemRecoveryCode(account.user.id, ` ${first.toUpperCase().replace("-", " - ")} `)).toEqual({ left: 9 });
    expect(await redeemRecoveryCode(account.user.id, first)).toBeNull();
    expect(await redeemRecoveryCode(account.user.id, second.replace("-", ""))).toEqual({ left: 8 });
    expect((await getMfaStatus(account.user.id)).recoveryCodesLeft).toBe(8);
  });

  it("sent twice at the same moment is used exactly once", async () => {
    const account = await createSignedInUser();
    const { recoveryCodes } = await turnOnTotp(account);
    for (const code of recoveryCodes.slice(0, 5)) {
      const results = await Promise.all([redeemRecoveryCode(account.user.id, code), redeemRecoveryCode(account.user.id, code)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    }
    expect((await getMfaStatus(account.user.id)).recoveryCodesLeft).toBe(5);
  });

  it("of one account does nothing for another, even with the hash copied over", async () => {
    const alice = await createSignedInUser();
    const bob = await createSignedInUser();
    const { recoveryCodes } = await turnOnTotp(alice);
    await turnOnTotp(bob);
    expect(await redeemRecoveryCode(bob.user.id, recoveryCodes[0]!)).toBeNull();
    const db = await getDb();
    const copied = await db.recoveryCode.findMany({ where: { userId: alice.user.id }, select: { codeHash: true } });
    await db.recoveryCode.createMany({ data: copied.map(({ codeHash }) => ({ userId: bob.user.id, codeHash })) });
    expect(await redeemRecoveryCode(bob.user.id, recoveryCodes[0]!)).toBeNull();
  });

  it("refuses what cannot be a code, a NUL byte or an over-long one included", async () => {
    const account = await createSignedInUser();
    await turnOnTotp(account);
    for (const junk of ["", "abc", "00000-00000", "x".repeat(1000), "abcde-fghij\u0000"]) {
      expect(await redeemRecoveryCode(account.user.id, junk)).toBeNull();
    }
  });

  it("used, mails a notice saying how many are left, and warns when few are", async () => {
    const account = await createSignedInUser();
    const { recoveryCodes } = await turnOnTotp(account);
    await mailbox.next(account.user.email);
    expect(await spendRecoveryCode(account.user.id, recoveryCodes[0]!)).toEqual({ left: 9 });
    const notice = await mailbox.next(account.user.email);
    expect(notice.subject).toBe("A recovery code was used · JWT Items");
    expect(notice.text).toContain("9 codes are left.");
    let last = notice;
    for (const code of recoveryCodes.slice(1, 7)) {
      await spendRecoveryCode(account.user.id, code);
      last = await mailbox.next(account.user.email);
    }
    expect(last.text).toContain("3 codes are left.\n\nYou are running low: make a new set from your account page.");
  });
});
