// Proving a passkey (a WebAuthn assertion): request options for a ceremony, and the check of
// the response. One function for every ceremony that accepts a passkey: the public sign-in
// (any account's passkey, user verification required) and, bound to one account, the second
// step of a password login and reauthentication. Signature counters: a counter that stays 0
// (synced passkeys) is accepted for ever; one that does not grow is refused and recorded on
// the passkey (docs/decisions/0036-passkeys.md).
import "server-only";
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { getDb } from "@/lib/db";
import { challengeOf, CHALLENGE_TTL_SECONDS, issueChallenge, takeChallenge, type WebauthnCeremony } from "@/lib/auth/factors/passkey-challenges";
import { challengeBytes, userHandleOf } from "@/lib/auth/factors/passkey-credentials";
import { knownTransports } from "@/lib/auth/factors/passkeys";
import { relyingParty } from "@/lib/auth/factors/relying-party";
import type { AuthenticationResponseInput } from "@/lib/auth/schemas";

export type AssertionCeremony = Exclude<WebauthnCeremony, "registration">;
export type ProvedPasskey = { userId: string; passkeyId: string };

/**
 * Request options for `ceremony`. With `userId` (a second step, a reauthentication) they list
 * that account's passkeys and only those will be accepted; without (the public sign-in) the
 * list is empty and the browser offers the passkeys it holds for this site.
 */
export async function passkeyRequestOptions(ceremony: AssertionCeremony, userId: string | null): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const db = await getDb();
  const own = userId ? await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } }) : [];
  const challenge = await issueChallenge(ceremony, userId);
  return generateAuthenticationOptions({
    rpID: relyingParty().id,
    challenge: challengeBytes(challenge),
    timeout: CHALLENGE_TTL_SECONDS * 1000,
    userVerification: "required",
    allowCredentials: own.map((p) => ({ id: p.credentialId, transports: knownTransports(p.transports) })),
  });
}

/**
 * The account and passkey a response proves, or null: an unknown or removed credential,
 * another account's (where `userId` is given), a challenge not issued for this ceremony (or
 * used, or expired), another origin or RP id, no user verification, a bad signature, or a
 * counter that did not grow. The challenge is used up whatever the answer.
 */
export async function provePasskey(response: AuthenticationResponseInput, ceremony: AssertionCeremony, userId: string | null): Promise<ProvedPasskey | null> {
  const challenge = challengeOf(response.response.clientDataJSON);
  if (!challenge || !(await takeChallenge(challenge, ceremony, userId))) return null;
  const db = await getDb();
  const passkey = await db.passkey.findUnique({
    where: { credentialId: response.id },
    select: { id: true, userId: true, credentialId: true, publicKey: true, counter: true, transports: true },
  });
  if (!passkey || (userId !== null && passkey.userId !== userId)) return null;
  // A discoverable credential names its account; it must be the one the passkey is stored for.
  const { userHandle } = response.response;
  if (userHandle !== undefined && userHandle !== Buffer.from(userHandleOf(passkey.userId)).toString("base64url")) return null;
  const rp = relyingParty();
  const verified = await verifyAuthenticationResponse({
    response: response as AuthenticationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
    // The counter rule is applied below, where a regression can be recorded.
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: 0, transports: knownTransports(passkey.transports) },
  }).catch(() => null);
  if (!verified?.verified) return null;
  const { newCounter, credentialBackedUp } = verified.authenticationInfo;
  return (await recordUse(passkey.id, newCounter, credentialBackedUp)) ? { userId: passkey.userId, passkeyId: passkey.id } : null;
}

/**
 * Stores the counter and the time of use, in one conditional statement: only if the counter
 * grew, or it and the stored one are both 0. Of two responses with one counter, on any
 * instances, one gets the row. A refused counter is recorded for the account page to show.
 */
async function recordUse(passkeyId: string, counter: number, backedUp: boolean): Promise<boolean> {
  const db = await getDb();
  const now = new Date();
  const { count } = await db.passkey.updateMany({
    where: { id: passkeyId, OR: [{ counter: { lt: counter } }, ...(counter === 0 ? [{ counter: 0 }] : [])] },
    data: { counter, lastUsedAt: now, backedUp },
  });
  if (count === 1) return true;
  await db.passkey.updateMany({ where: { id: passkeyId }, data: { counterRegressedAt: now } });
  return false;
}
