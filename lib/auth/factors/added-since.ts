// What an email revert takes away (README: Account recovery and email): the second factors
// and passkeys added after the change it undoes, which whoever made the change may hold.
// Older ones were the owner's before the change and stay.
import "server-only";
import type { Prisma } from "@/lib/db";

export type RemovedFactors = { totp: boolean; recoveryCodes: number; passkeys: number };

/** Removes, inside the caller's transaction, the factors added at or after `since`. */
export async function removeFactorsAddedSince(tx: Prisma.TransactionClient, userId: string, since: Date): Promise<RemovedFactors> {
  // A TOTP set up again after the change has a new row; one confirmed after it (a setup
  // begun just before) counts as added after it too.
  const totp = await tx.totpFactor.deleteMany({
    where: { userId, OR: [{ createdAt: { gte: since } }, { confirmedAt: { gte: since } }] },
  });
  const recoveryCodes = await tx.recoveryCode.deleteMany({ where: { userId, createdAt: { gte: since } } });
  const passkeys = await tx.passkey.deleteMany({ where: { userId, createdAt: { gte: since } } });
  return { totp: totp.count > 0, recoveryCodes: recoveryCodes.count, passkeys: passkeys.count };
}
