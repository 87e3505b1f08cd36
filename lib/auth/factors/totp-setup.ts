// Turning TOTP on and off. A setup is inert until a code from it is confirmed, and void 10
// minutes after it started; starting again replaces a pending setup, never a confirmed one.
import "server-only";
import { getDb } from "@/lib/db";
import { HttpError } from "@/lib/http/problem";
import { noticeTotpChanged } from "@/lib/mail/notices";
import { endAllUserSessions } from "@/lib/auth/sessions/sessions";
import { recordProof } from "@/lib/auth/factors/assurance";
import { deleteRecoveryCodes, replaceRecoveryCodes } from "@/lib/auth/factors/recovery-codes";
import { openSecret, sealSecret } from "@/lib/auth/factors/secret-box";
import { matchTimeStep, newTotpSecret, totpQrSvg, totpUri } from "@/lib/auth/factors/totp";
import { SETUP_TTL_MS } from "@/lib/auth/factors/lifetimes";


export type TotpSetup = { secret: string; otpauthUri: string; qrSvg: string };

const alreadyOn = () => new HttpError(409, { code: "mfa_already_enabled", detail: "Two-step sign-in is on already. Turn it off first to set up another authenticator." });
const noPending = () => new HttpError(409, { code: "no_pending_setup", detail: "No setup is waiting to be confirmed, or it is older than 10 minutes. Start again." });

export async function startTotpSetup(userId: string, email: string): Promise<TotpSetup> {
  const db = await getDb();
  const secret = newTotpSecret();
  const data = { ...sealPair(userId, secret), createdAt: new Date(), lastUsedStep: null };
  // Replace a pending one; else create; else (created meanwhile) replace that if pending.
  const replace = () => db.totpFactor.updateMany({ where: { userId, confirmedAt: null }, data });
  const stored =
    (await replace()).count === 1 ||
    (await db.totpFactor.createMany({ data: [{ userId, ...data }], skipDuplicates: true })).count === 1 ||
    (await replace()).count === 1;
  if (!stored) throw alreadyOn();
  const otpauthUri = totpUri(email, secret);
  return { secret, otpauthUri, qrSvg: await totpQrSvg(otpauthUri) };
}

function sealPair(userId: string, secret: string) {
  const { keyId, ciphertext } = sealSecret(userId, secret);
  return { keyId, secretCiphertext: ciphertext };
}

/**
 * A code from the pending setup turns TOTP on (its step counts as used), with a new set of
 * recovery codes. The caller's session becomes aal 2, every other session of the account
 * ends (`mfa_enabled`), logins in flight are refused, and the owner is told.
 */
export async function confirmTotpSetup(userId: string, email: string, sessionId: string, code: string): Promise<string[]> {
  const db = await getDb();
  const pending = await db.totpFactor.findFirst({
    where: { userId, confirmedAt: null, createdAt: { gt: new Date(Date.now() - SETUP_TTL_MS) } },
    select: { secretCiphertext: true, keyId: true, createdAt: true },
  });
  if (!pending) throw noPending();
  const { plaintext } = openSecret(userId, { keyId: pending.keyId, ciphertext: pending.secretCiphertext });
  const step = await matchTimeStep(plaintext, code, null);
  if (step === null) throw new HttpError(403, { code: "invalid_mfa_code", detail: "That code is not right. Enter the code your app shows now." });
  const recoveryCodes = await db.$transaction(async (tx) => {
    // Only the setup this code was checked against: one started again meanwhile stays pending.
    const { count } = await tx.totpFactor.updateMany({
      where: { userId, confirmedAt: null, createdAt: pending.createdAt },
      data: { confirmedAt: new Date(), lastUsedStep: step },
    });
    if (count !== 1) throw noPending();
    // A new credentials version: a login that checked the password before this and stores
    // its session after it is refused (lib/auth/sessions/sessions.ts), so no aal 1 session
    // slips past "every other session ends" below; a second step begun before is void too.
    await tx.user.update({ where: { id: userId }, data: { credentialsVersion: { increment: 1 } }, select: { id: true } });
    return replaceRecoveryCodes(tx, userId);
  });
  await recordProof(sessionId, userId, "otp");
  await endAllUserSessions(userId, "mfa_enabled", { except: sessionId });
  noticeTotpChanged(email, true);
  return recoveryCodes;
}

/** Turns TOTP off and voids the recovery codes; false (and no notice) when it was not on. */
export async function disableTotp(userId: string, email: string): Promise<boolean> {
  const db = await getDb();
  const wasOn = await db.$transaction(async (tx) => {
    const { count } = await tx.totpFactor.deleteMany({ where: { userId, confirmedAt: { not: null } } });
    await deleteRecoveryCodes(tx, userId);
    return count === 1;
  });
  if (wasOn) noticeTotpChanged(email, false);
  return wasOn;
}
