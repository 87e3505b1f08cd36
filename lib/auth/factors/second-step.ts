// A second factor proved: a TOTP code or a recovery code, checked against the account's
// shared budget of attempts. Used by the second step of a login (with its `mfa_token`) and
// by reauthentication (for the caller's own session).
import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { unauthorizedAs } from "@/lib/http/challenge";
import { HttpError } from "@/lib/http/problem";
import { countSecondStep, resetSecondSteps } from "@/lib/auth/factors/attempts";
import { recordProof } from "@/lib/auth/factors/assurance";
import { claimMfaAttempt, redeemMfaToken, type MfaTokenHolder } from "@/lib/auth/factors/mfa-tokens";
import { redeemRecoveryCode } from "@/lib/auth/factors/recovery-codes";
import { tellRecoveryCodeUsed } from "@/lib/auth/factors/recovery-sets";
import { verifyTotpCode } from "@/lib/auth/factors/totp-codes";
import { provePasskey } from "@/lib/auth/factors/passkey-assertions";
import { recordAccountEvent, type Origin } from "@/lib/audit/account-events";
import type { AuthenticationResponseInput } from "@/lib/auth/schemas";

export type SecondFactorProof = { code: string } | { recoveryCode: string } | { passkey: AuthenticationResponseInput };

const methodOf = (proof: SecondFactorProof) => ("code" in proof ? "otp" : "passkey" in proof ? "passkey" : "rec");
export type ProvedFactor = { method: "otp" } | { method: "rec"; recoveryCodesLeft: number } | { method: "passkey" };

/**
 * A passkey proved for this account and ceremony (its challenge used up whatever the answer,
 * another account's passkey refused). Judged outside the token's transaction: it writes the
 * challenge and the counter through its own statements.
 */
async function provePasskeyFor(userId: string, ceremony: "second_step" | "reauthentication", passkey: AuthenticationResponseInput): Promise<ProvedFactor | null> {
  return (await provePasskey(passkey, ceremony, userId)) ? { method: "passkey" } : null;
}

type Writer = Pick<Prisma.TransactionClient, "totpFactor" | "$queryRaw">;

/** The factor proved (its step recorded, or its code used up), or null for a wrong code. */
async function prove(userId: string, proof: SecondFactorProof, tx?: Writer): Promise<ProvedFactor | null> {
  if ("passkey" in proof) return provePasskeyFor(userId, "reauthentication", proof.passkey);
  if ("code" in proof) return (await verifyTotpCode(userId, proof.code, tx)) ? { method: "otp" } : null;
  const used = await redeemRecoveryCode(userId, proof.recoveryCode, tx);
  return used && { method: "rec", recoveryCodesLeft: used.left };
}

/** After a right one: the budget starts again, and a used recovery code is told to the owner. */
async function afterProof(userId: string, proved: ProvedFactor): Promise<void> {
  await resetSecondSteps(userId);
  if (proved.method === "rec") await tellRecoveryCodeUsed(userId, proved.recoveryCodesLeft);
}

/** The factor proved, or null for a wrong code. Counted first: 429 past the budget. */
export async function checkSecondFactor(userId: string, proof: SecondFactorProof): Promise<ProvedFactor | null> {
  await countSecondStep(userId);
  const proved = await prove(userId, proof);
  if (proved) await afterProof(userId, proved);
  return proved;
}

const invalidMfaToken = () =>
  unauthorizedAs("invalid_mfa_token", "This sign-in step has expired or was already used. Sign in again.");

/**
 * The second step of a login: the account the `mfa_token` is for (with the credentials
 * version its password step read), once a right code was sent from the address that passed
 * the password. 401 `invalid_mfa_token` for an unknown, used, expired or foreign token (and
 * after 5 wrong codes); 401 `invalid_mfa_code`.
 */
export async function passSecondStep(
  mfaToken: string,
  origin: Origin & { addressKey: string },
  proof: SecondFactorProof,
): Promise<MfaTokenHolder & ProvedFactor> {
  const holder = await claimMfaAttempt(mfaToken, origin.addressKey);
  if (!holder) throw invalidMfaToken();
  // Each wrong or refused second step is in the account's activity: someone has its password.
  const failed = (why: string) =>
    recordAccountEvent("second_step", holder.userId, origin, { outcome: "failure", details: { why, method: methodOf(proof) } });
  await countSecondStep(holder.userId).catch(async (error: unknown) => {
    await failed("locked");
    throw error;
  });
  // A passkey is judged before the token's transaction (its challenge and counter are written
  // by their own statements); a wrong one is a wrong second step, counted like a wrong code.
  const passkeyProved = "passkey" in proof ? await provePasskeyFor(holder.userId, "second_step", proof.passkey) : undefined;
  if (passkeyProved === null) {
    await failed("wrong_passkey");
    throw unauthorizedAs("invalid_mfa_code", "That passkey cannot be used for this account.");
  }
  const db = await getDb();
  // The token is used up first, in the transaction that judges the code and holds its row
  // locked: of two requests racing with one token, the one that waits finds it used and
  // spends nothing (a recovery code stays unused). A wrong code rolls both back.
  const proved = await db
    .$transaction(async (tx) => {
      if (!(await redeemMfaToken(mfaToken, tx))) throw invalidMfaToken();
      const result = passkeyProved ?? (await prove(holder.userId, proof, tx));
      if (!result) throw unauthorizedAs("invalid_mfa_code", "That code is not right.");
      return result;
    })
    .catch(async (error: unknown) => {
      if (error instanceof HttpError && error.code === "invalid_mfa_code") await failed("wrong_code");
      throw error;
    });
  await afterProof(holder.userId, proved);
  return { ...holder, ...proved };
}

/** Reauthentication with a second factor: the session becomes aal 2 with a fresh auth_time. 403 when wrong. */
export async function reauthenticateWithFactor(userId: string, sessionId: string, proof: SecondFactorProof): Promise<ProvedFactor> {
  const proved = await checkSecondFactor(userId, proof);
  if (!proved) {
    const detail = "passkey" in proof ? "That passkey cannot be used for this account." : "That code is not right.";
    throw new HttpError(403, { code: "invalid_mfa_code", detail });
  }
  await recordProof(sessionId, userId, proved.method);
  return proved;
}
