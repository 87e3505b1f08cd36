// The key material of second factors, newest first: MFA_ENCRYPTION_KEY's keys, then
// JWT_SECRET. Each use derives its own key from it under its own label (HKDF, RFC 5869), so
// the secret box, the recovery codes' hashes and the access tokens never share a key
// (docs/decisions/0032-second-factors.md).
import "server-only";
import { hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

/**
 * JWT_SECRET stays last even when MFA_ENCRYPTION_KEY is set: rows written before the
 * variable was set still open, and are re-encrypted under its first key when next used.
 */
export function keyMaterial(): readonly string[] {
  return [...env.MFA_ENCRYPTION_KEY, env.JWT_SECRET];
}

/** A 256-bit key for one purpose, from one piece of key material. */
export function deriveKey(material: string, label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "", `jwt-items ${label}`, 32));
}
