// An account's passkeys: adding one (WebAuthn registration, through SimpleWebAuthn), listing,
// renaming and removing them. A passkey must be discoverable and made with user
// verification, so that signing in with it alone proves two factors
// (docs/decisions/0036-passkeys.md).
import "server-only";
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import type { AuthenticatorTransportFuture, PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { unauthorized } from "@/lib/http/challenge";
import { HttpError } from "@/lib/http/problem";
import { findUserById } from "@/lib/auth/accounts/users";
import { recordAccountEvent, type Origin } from "@/lib/audit/account-events";
import { noticePasskeyChanged } from "@/lib/mail/notices";
import { challengeOf, CHALLENGE_TTL_SECONDS, issueChallenge, takeChallenge } from "@/lib/auth/factors/passkey-challenges";
import { challengeBytes, passkeySelect, toPasskeyView, userHandleOf } from "@/lib/auth/factors/passkey-credentials";
import { defaultPasskeyName } from "@/lib/auth/factors/passkey-names";
import { relyingParty } from "@/lib/auth/factors/relying-party";
import type { PasskeyView } from "@/lib/auth/responses";
import type { RegistrationResponseInput } from "@/lib/auth/schemas";

type Account = { id: string; email: string; name: string | null };
type Caller = { id: string; sessionId: string };

const invalidResponse = (detail = "This passkey response is not valid here, or its challenge was used or has expired. Try again.") =>
  new HttpError(400, { code: "invalid_passkey_response", detail });
const notFound = () => new HttpError(404, { code: "not_found", detail: "You have no passkey with this id." });

const TRANSPORTS: readonly string[] = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"];

/** The transports a browser reported, those WebAuthn names: hints for later ceremonies, nothing more. */
export const knownTransports = (transports: readonly string[]): AuthenticatorTransportFuture[] =>
  transports.filter((t): t is AuthenticatorTransportFuture => TRANSPORTS.includes(t));

async function accountOf(userId: string): Promise<Account> {
  const account = await findUserById(userId);
  if (!account) throw unauthorized("session_revoked");
  return account;
}

/**
 * Creation options for a new passkey of the caller (a sensitive action: route() asked for a
 * recent proof before this runs). Its passkeys
 * are excluded, so an authenticator that holds one makes no second.
 */
export async function passkeyCreationOptions(caller: Caller): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const account = await accountOf(caller.id);
  const db = await getDb();
  const rp = relyingParty();
  const existing = await db.passkey.findMany({ where: { userId: account.id }, select: { credentialId: true, transports: true } });
  const challenge = await issueChallenge("registration", account.id);
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: userHandleOf(account.id),
    userName: account.email,
    userDisplayName: account.name ?? account.email,
    challenge: challengeBytes(challenge),
    timeout: CHALLENGE_TTL_SECONDS * 1000,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: knownTransports(p.transports) })),
    authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
  });
}

/**
 * Checks a registration response against the challenge issued to `account` (taken once) and
 * APP_ORIGIN / the RP id, with user verification, then stores the passkey and tells the owner.
 * 400 `invalid_passkey_response` for anything else.
 */
export async function addPasskey(
  caller: Caller,
  response: RegistrationResponseInput,
  name: string | undefined,
  context: Origin,
): Promise<PasskeyView> {
  const userId = caller.id;
  const account = await accountOf(userId);
  const challenge = challengeOf(response.response.clientDataJSON);
  if (!challenge || !(await takeChallenge(challenge, "registration", account.id))) throw invalidResponse();
  // The browser says (credProps) when the authenticator made a credential it cannot offer by
  // itself: such a credential could never sign in without a username.
  if (response.clientExtensionResults.credProps?.rk === false) {
    throw invalidResponse("This authenticator cannot keep a passkey that signs in by itself. Use another one.");
  }
  const rp = relyingParty();
  const verified = await verifyRegistrationResponse({
    response: response as Parameters<typeof verifyRegistrationResponse>[0]["response"],
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verified?.verified) throw invalidResponse();
  const { credential, aaguid, credentialBackedUp, credentialDeviceType } = verified.registrationInfo;
  const db = await getDb();
  const [stored] = await db.passkey.createManyAndReturn({
    data: [{
      userId: account.id,
      credentialId: credential.id,
      publicKey: new Uint8Array(credential.publicKey),
      counter: credential.counter,
      transports: knownTransports(response.response.transports ?? []),
      aaguid,
      backedUp: credentialBackedUp,
      deviceType: credentialDeviceType,
      name: name ?? defaultPasskeyName(aaguid, credentialBackedUp),
    }],
    skipDuplicates: true,
    select: passkeySelect,
  });
  if (!stored) throw invalidResponse("This passkey is registered already.");
  await recordAccountEvent("passkey_added", account.id, context, { sessionId: caller.sessionId, details: { backed_up: stored.backedUp } });
  noticePasskeyChanged(account.email, stored.name, "added");
  return toPasskeyView(stored);
}

export async function listPasskeys(userId: string): Promise<PasskeyView[]> {
  const db = await getDb();
  const rows = await db.passkey.findMany({ where: { userId }, select: passkeySelect, orderBy: { createdAt: "asc" } });
  return rows.map(toPasskeyView);
}

/** How many passkeys the account has (GET /api/auth/mfa's `passkeys`). */
export async function countPasskeys(userId: string): Promise<number> {
  const db = await getDb();
  return db.passkey.count({ where: { userId } });
}

export async function renamePasskey(userId: string, id: string, name: string): Promise<PasskeyView> {
  if (!isUuid(id)) throw notFound();
  const db = await getDb();
  const [row] = await db.passkey.updateManyAndReturn({ where: { id, userId }, data: { name }, select: passkeySelect });
  if (!row) throw notFound();
  return toPasskeyView(row);
}

/** Removes one of the caller's passkeys (a sensitive action, past route()'s step-up; 404 for anyone else's) and tells the owner. */
export async function removePasskey(caller: Caller, id: string, context: Origin): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const account = await accountOf(caller.id);
  const db = await getDb();
  const [removed] = await db.$queryRaw<{ name: string }[]>`
    DELETE FROM passkeys WHERE id = ${id}::uuid AND user_id = ${account.id}::uuid RETURNING name`;
  if (!removed) throw notFound();
  await recordAccountEvent("passkey_removed", account.id, context, { sessionId: caller.sessionId });
  noticePasskeyChanged(account.email, removed.name, "removed");
}
