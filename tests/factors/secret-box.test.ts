import { describe, expect, it } from "vitest";
import { createSecretBox, openSecret, sealSecret } from "@/lib/auth/factors/secret-box";

const alice = "0190a0b0-0000-7000-8000-000000000001";
const bob = "0190a0b0-0000-7000-8000-000000000002";
const oldKey = "o".repeat(32);
const newKey = "n".repeat(48);
const jwtSecret = "j".repeat(32);

describe("the secret box", () => {
  it("opens what it sealed, for the same account", () => {
    const sealed = sealSecret(alice, "JBSWY3DPEHPK3PXP");
    expect(openSecret(alice, sealed)).toEqual({ plaintext: "JBSWY3DPEHPK3PXP", stale: false });
  });

  it("never stores the secret in the clear, and uses a fresh IV each time", () => {
    const a = sealSecret(alice, "JBSWY3DPEHPK3PXP");
    const b = sealSecret(alice, "JBSWY3DPEHPK3PXP");
    expect(Buffer.from(a.ciphertext).toString("latin1")).not.toContain("JBSWY3DPEHPK3PXP");
    expect(Buffer.from(a.ciphertext.subarray(0, 12))).not.toEqual(Buffer.from(b.ciphertext.subarray(0, 12)));
    expect(a.ciphertext.length).toBe(12 + 16 + 16);
  });

  it("refuses to open a row copied to another account", () => {
    const sealed = sealSecret(alice, "JBSWY3DPEHPK3PXP");
    expect(() => openSecret(bob, sealed)).toThrow("sealed for another account");
  });

  it("refuses an altered ciphertext and a shortened one", () => {
    const sealed = sealSecret(alice, "JBSWY3DPEHPK3PXP");
    const flipped = new Uint8Array(sealed.ciphertext);
    flipped[14] = flipped[14]! ^ 1;
    expect(() => openSecret(alice, { ...sealed, ciphertext: flipped })).toThrow("altered");
    const truncated = sealed.ciphertext.slice(0, sealed.ciphertext.length - 12);
    expect(() => openSecret(alice, { ...sealed, ciphertext: truncated })).toThrow("altered");
  });

  it("opens rows sealed under an older key, says they are stale, and seals anew under the newest", () => {
    const before = createSecretBox([oldKey, jwtSecret]);
    const after = createSecretBox([newKey, oldKey, jwtSecret]);
    const sealed = before.seal(alice, "secret");
    expect(after.open(alice, sealed)).toEqual({ plaintext: "secret", stale: true });
    const resealed = after.seal(alice, "secret");
    expect(resealed.keyId).not.toBe(sealed.keyId);
    expect(after.open(alice, resealed)).toEqual({ plaintext: "secret", stale: false });
  });

  it("opens rows written before MFA_ENCRYPTION_KEY was set, with the key derived from JWT_SECRET", () => {
    const sealed = createSecretBox([jwtSecret]).seal(alice, "secret");
    expect(createSecretBox([newKey, jwtSecret]).open(alice, sealed)).toEqual({ plaintext: "secret", stale: true });
  });

  it("says which key is missing when a row's key was taken out of the list", () => {
    const sealed = createSecretBox([oldKey, jwtSecret]).seal(alice, "secret");
    expect(() => createSecretBox([newKey, jwtSecret]).open(alice, sealed)).toThrow(`sealed under key ${sealed.keyId}, which is no longer configured`);
  });
});
