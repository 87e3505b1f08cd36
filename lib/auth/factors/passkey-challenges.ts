// WebAuthn challenges, kept in the database so that the instance that checks a response
// need not be the one that issued its options. Each is 256 random bits, tagged with its
// ceremony (and its account, when one is known), void after 5 minutes, and taken exactly
// once: the statement that takes it deletes it, so of two responses to one challenge, on
// any instances, one finds it and the other finds nothing (docs/decisions/0036-passkeys.md).
import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { WebauthnCeremony } from "@/lib/generated/prisma/enums";

export type { WebauthnCeremony };

export const CHALLENGE_TTL_SECONDS = 300;

/** A new challenge (base64url) for `ceremony`, bound to `userId` when the account is known. */
export async function issueChallenge(ceremony: WebauthnCeremony, userId: string | null): Promise<string> {
  const db = await getDb();
  const challenge = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.webauthnChallenge.create({
    data: { challenge, ceremony, userId, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000) },
  });
  return challenge;
}

/**
 * Takes the challenge a response signed: true only if it was issued for this ceremony and
 * account and has not expired. It is deleted whatever the answer, so a challenge shown to the
 * wrong ceremony, or late, cannot be tried again.
 */
export async function takeChallenge(challenge: string, ceremony: WebauthnCeremony, userId: string | null): Promise<boolean> {
  // Ours are 43 base64url characters; anything else (a NUL byte included) was never issued.
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(challenge)) return false;
  const db = await getDb();
  const [taken] = await db.$queryRaw<{ ceremony: WebauthnCeremony; user_id: string | null; expires_at: Date }[]>`
    DELETE FROM webauthn_challenges WHERE challenge = ${challenge}
    RETURNING ceremony, user_id::text AS user_id, expires_at`;
  return taken !== undefined && taken.ceremony === ceremony && taken.user_id === userId && taken.expires_at > new Date();
}

/** The challenge a response's clientDataJSON carries; null when it is not readable. */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const clientData: unknown = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8"));
    const challenge = (clientData as { challenge?: unknown }).challenge;
    return typeof challenge === "string" ? challenge : null;
  } catch {
    return null;
  }
}
