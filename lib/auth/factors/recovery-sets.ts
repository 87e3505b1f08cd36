// The owner's side of recovery codes: a new set on request, and a notice each time one is used.
import "server-only";
import { getDb } from "@/lib/db";
import { HttpError } from "@/lib/http/problem";
import { noticeRecoveryCodesRenewed, noticeRecoveryCodeUsed } from "@/lib/mail/notices";
import { redeemRecoveryCode, replaceRecoveryCodes } from "@/lib/auth/factors/recovery-codes";

/** A new set of 10; the old set is void at once. Only while TOTP is on (409 otherwise). */
export async function renewRecoveryCodes(userId: string, email: string): Promise<string[]> {
  const db = await getDb();
  const codes = await db.$transaction(async (tx) => {
    // Locks the factor: TOTP turned off meanwhile cannot leave a set behind.
    const on = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM totp_factors WHERE user_id = ${userId}::uuid AND confirmed_at IS NOT NULL FOR UPDATE`;
    if (on.length === 0) throw new HttpError(409, { code: "mfa_not_enabled", detail: "Recovery codes come with two-step sign-in, which is off." });
    return replaceRecoveryCodes(tx, userId);
  });
  noticeRecoveryCodesRenewed(email);
  return codes;
}

/** Uses a recovery code and tells the owner how many are left; null for a wrong or used one. */
export async function spendRecoveryCode(userId: string, code: string): Promise<{ left: number } | null> {
  const used = await redeemRecoveryCode(userId, code);
  if (used) await tellRecoveryCodeUsed(userId, used.left);
  return used;
}

/** The notice that a recovery code was used, with how many are left. */
export async function tellRecoveryCodeUsed(userId: string, left: number): Promise<void> {
  const db = await getDb();
  const account = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (account) noticeRecoveryCodeUsed(account.email, left);
}
