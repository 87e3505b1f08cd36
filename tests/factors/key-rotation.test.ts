// MFA_ENCRYPTION_KEY is set here before any app module reads the configuration: a new key
// first, an old one after it. Rows sealed under the old key, or under the key derived from
// JWT_SECRET before the variable was set, still work, and are sealed anew when used.
import { createHmac, hkdfSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const NEW_KEY = "n".repeat(44);
const OLD_KEY = "o".repeat(44);
process.env.MFA_ENCRYPTION_KEY = `${NEW_KEY},${OLD_KEY}`;

const { getDb } = await import("@/lib/db");
const { createSecretBox, openSecret } = await import("@/lib/auth/factors/secret-box");
const { verifyTotpCode } = await import("@/lib/auth/factors/totp-codes");
const { redeemRecoveryCode } = await import("@/lib/auth/factors/recovery-codes");
const { createSignedInUser } = await import("../factories/users");
const { totpCode, turnOnTotp } = await import("../factories/factors");

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: Math.floor(Date.now() / 30_000) * 30_000 + 10_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function resealUnder(userId: string, secret: string, material: string[]) {
  const { keyId, ciphertext } = createSecretBox(material).seal(userId, secret);
  const db = await getDb();
  await db.totpFactor.update({ where: { userId }, data: { keyId, secretCiphertext: ciphertext } });
  return keyId;
}

async function storedKeyId(userId: string) {
  const db = await getDb();
  return (await db.totpFactor.findUniqueOrThrow({ where: { userId }, select: { keyId: true } })).keyId;
}

describe("rotating MFA_ENCRYPTION_KEY", () => {
  it("seals new secrets under the first key", async () => {
    const account = await createSignedInUser();
    await turnOnTotp(account);
    expect(await storedKeyId(account.user.id)).toBe(createSecretBox([NEW_KEY]).seal(account.user.id, "x").keyId);
  });

  it("accepts codes of a secret sealed under an older key, and seals it under the first key when used", async () => {
    const account = await createSignedInUser();
    const { secret } = await turnOnTotp(account);
    const oldId = await resealUnder(account.user.id, secret, [OLD_KEY]);
    vi.setSystemTime(Date.now() + 30_000);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret))).toBe(true);
    const newId = await storedKeyId(account.user.id);
    expect(newId).not.toBe(oldId);
    const db = await getDb();
    const row = await db.totpFactor.findUniqueOrThrow({ where: { userId: account.user.id } });
    expect(openSecret(account.user.id, { keyId: row.keyId, ciphertext: row.secretCiphertext })).toEqual({ plaintext: secret, stale: false });
  });

  it("keeps working for secrets sealed before MFA_ENCRYPTION_KEY was set, under JWT_SECRET's key", async () => {
    const account = await createSignedInUser();
    const { secret } = await turnOnTotp(account);
    const jwtId = await resealUnder(account.user.id, secret, [process.env.JWT_SECRET!]);
    vi.setSystemTime(Date.now() + 30_000);
    expect(await verifyTotpCode(account.user.id, await totpCode(secret))).toBe(true);
    expect(await storedKeyId(account.user.id)).not.toBe(jwtId);
  });

  it("keeps recovery codes made under an older key working", async () => {
    const account = await createSignedInUser();
    await turnOnTotp(account);
    const code = "abcde-fghjk";
    const key = Buffer.from(hkdfSync("sha256", OLD_KEY, "", "jwt-items recovery codes", 32));
    const codeHash = createHmac("sha256", key).update(`${account.user.id}:abcdefghjk`).digest("hex");
    const db = await getDb();
    await db.recoveryCode.create({ data: { userId: account.user.id, codeHash } });
    expect(await redeemRecoveryCode(account.user.id, code)).toEqual({ left: 10 });
  });
});
