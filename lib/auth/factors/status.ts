// What an account has set up. "Has a second factor" means TOTP is on: a confirmed factor.
import "server-only";
import { getDb } from "@/lib/db";
import { countRecoveryCodes } from "@/lib/auth/factors/recovery-codes";

export async function hasTotp(userId: string): Promise<boolean> {
  const db = await getDb();
  return (await db.totpFactor.count({ where: { userId, confirmedAt: { not: null } } })) > 0;
}

export type MfaStatus = { totp: boolean; recoveryCodesLeft: number };

export async function getMfaStatus(userId: string): Promise<MfaStatus> {
  const [totp, recoveryCodesLeft] = await Promise.all([hasTotp(userId), countRecoveryCodes(userId)]);
  return { totp, recoveryCodesLeft };
}
