// A second factor proved: a TOTP code or a recovery code, checked against the account's
// shared budget of attempts. Used by the second step of a login (with its `mfa_token`) and
// by reauthentication (for the caller's own session).
import "server-only";
import { unauthorizedAs } from "@/lib/http/challenge";
import { HttpError } from "@/lib/http/problem";
import { countSecondStep, resetSecondSteps } from "@/lib/auth/factors/attempts";
import { recordProof } from "@/lib/auth/factors/assurance";
import { claimMfaAttempt, redeemMfaToken } from "@/lib/auth/factors/mfa-tokens";
import { spendRecoveryCode } from "@/lib/auth/factors/recovery-sets";
import { verifyTotpCode } from "@/lib/auth/factors/totp-codes";

export type SecondFactorProof = { code: string } | { recoveryCode: string };
export type ProvedFactor = { method: "otp" } | { method: "rec"; recoveryCodesLeft: number };

/** The factor proved, or null for a wrong code. Counted first: 429 past the budget. */
export async function checkSecondFactor(userId: string, proof: SecondFactorProof): Promise<ProvedFactor | null> {
  await countSecondStep(userId);
  const proved: ProvedFactor | null =
    "code" in proof
      ? (await verifyTotpCode(userId, proof.code)) ? { method: "otp" } : null
      : await spendRecoveryCode(userId, proof.recoveryCode).then((used) => used && { method: "rec", recoveryCodesLeft: used.left });
  if (proved) await resetSecondSteps(userId);
  return proved;
}

const invalidMfaToken = () =>
  unauthorizedAs("invalid_mfa_token", "This sign-in step has expired or was already used. Sign in again.");

/**
 * The second step of a login: the account the `mfa_token` is for, once a right code was
 * sent from the address that passed the password. 401 `invalid_mfa_token` for an unknown,
 * used, expired or foreign token (and after 5 wrong codes); 401 `invalid_mfa_code`.
 */
export async function passSecondStep(mfaToken: string, clientAddress: string, proof: SecondFactorProof): Promise<{ userId: string } & ProvedFactor> {
  const userId = await claimMfaAttempt(mfaToken, clientAddress);
  if (!userId) throw invalidMfaToken();
  const proved = await checkSecondFactor(userId, proof);
  if (!proved) {
    throw unauthorizedAs("invalid_mfa_code", "That code is not right.");
  }
  if (!(await redeemMfaToken(mfaToken))) throw invalidMfaToken();
  return { userId, ...proved };
}

/** Reauthentication with a second factor: the session becomes aal 2 with a fresh auth_time. 403 when wrong. */
export async function reauthenticateWithFactor(userId: string, sessionId: string, proof: SecondFactorProof): Promise<ProvedFactor> {
  const proved = await checkSecondFactor(userId, proof);
  if (!proved) throw new HttpError(403, { code: "invalid_mfa_code", detail: "That code is not right." });
  await recordProof(sessionId, userId, proved.method);
  return proved;
}
