// What the passkey modules share: an account's WebAuthn user handle, and a passkey row as
// the API shows it.
import "server-only";
import type { PasskeyView } from "@/lib/auth/responses";

/**
 * The user handle passkeys are made with: the account id's 16 bytes. Stable, so an
 * authenticator keeps one passkey per account here, and no personal data (WebAuthn §14.6.1).
 */
export const userHandleOf = (userId: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(userId.replace(/-/g, ""), "hex"));

export const passkeySelect = { id: true, credentialId: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true, counterRegressedAt: true } as const;

type PasskeyRow = { id: string; credentialId: string; name: string; createdAt: Date; lastUsedAt: Date | null; backedUp: boolean; counterRegressedAt: Date | null };

export const toPasskeyView = (row: PasskeyRow): PasskeyView => ({
  id: row.id,
  credentialId: row.credentialId,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  backedUp: row.backedUp,
  counterRegressedAt: row.counterRegressedAt?.toISOString() ?? null,
});

/** The challenge as the library takes it: its bytes, which it encodes to the same base64url. */
export const challengeBytes = (challenge: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(challenge, "base64url"));
