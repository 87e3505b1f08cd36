// The one module that encrypts second-factor secrets (docs/decisions/0032-second-factors.md):
// AES-256-GCM with a fresh 96-bit IV per encryption and the account id as associated data,
// so a row copied to another account does not decrypt. Each ciphertext is stored with the
// short id of its key: any configured key opens it, and one opened with an older key is
// reported stale, for the caller to seal again under the newest.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey, keyMaterial } from "@/lib/auth/factors/keys";

export type Sealed = { keyId: string; ciphertext: Uint8Array<ArrayBuffer> };
export type Opened = { plaintext: string; stale: boolean };
export type SecretBox = { seal(userId: string, plaintext: string): Sealed; open(userId: string, sealed: Sealed): Opened };

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

type BoxKey = { id: string; key: Buffer };

// Not secret, and 32 bits: enough to tell a handful of configured keys apart.
const boxKey = (material: string): BoxKey => ({
  id: deriveKey(material, "mfa key id").toString("hex").slice(0, 8),
  key: deriveKey(material, "mfa secret box"),
});

/** A box over the given key material, newest first. */
export function createSecretBox(material: readonly string[]): SecretBox {
  const keys = material.map(boxKey);
  const newest = keys[0];
  if (!newest) throw new SecretBoxError("the secret box needs at least one key");
  return {
    seal(userId, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", newest.key, iv).setAAD(Buffer.from(userId));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const ciphertext = new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()]));
      return { keyId: newest.id, ciphertext };
    },
    open(userId, { keyId, ciphertext }) {
      const found = keys.find((k) => k.id === keyId);
      if (!found) throw new SecretBoxError(`a second-factor secret is sealed under key ${keyId}, which is no longer configured`);
      const bytes = Buffer.from(ciphertext);
      try {
        // The tag's length is pinned: GCM would otherwise accept a truncated one.
        const decipher = createDecipheriv("aes-256-gcm", found.key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(userId));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const plaintext = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
        return { plaintext: plaintext.toString("utf8"), stale: found !== newest };
      } catch {
        throw new SecretBoxError("a second-factor secret does not open: altered, or sealed for another account");
      }
    },
  };
}

let configured: SecretBox | undefined;
const box = () => (configured ??= createSecretBox(keyMaterial()));

export const sealSecret = (userId: string, plaintext: string): Sealed => box().seal(userId, plaintext);
export const openSecret = (userId: string, sealed: Sealed): Opened => box().open(userId, sealed);
