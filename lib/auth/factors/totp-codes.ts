// Checks a TOTP code for an account. A time step is accepted at most once per account,
// across every server instance: the step is recorded by one conditional UPDATE, so of two
// requests with the same code at the same moment exactly one succeeds (RFC 6238 §5.2;
// docs/decisions/0032-second-factors.md). A secret sealed under an older key is sealed
// again under the newest in that same UPDATE.
import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { openSecret, sealSecret } from "@/lib/auth/factors/secret-box";
import { matchTimeStep } from "@/lib/auth/factors/totp";

/**
 * True when `code` is right for the account's confirmed TOTP and its step was not used
 * before. Given a transaction, the step is recorded in it (and forgotten if it rolls back).
 */
export async function verifyTotpCode(userId: string, code: string, tx?: Pick<Prisma.TransactionClient, "totpFactor">): Promise<boolean> {
  const db = tx ?? (await getDb());
  const factor = await db.totpFactor.findFirst({
    where: { userId, confirmedAt: { not: null } },
    select: { secretCiphertext: true, keyId: true, lastUsedStep: true },
  });
  if (!factor) return false;
  const { plaintext, stale } = openSecret(userId, { keyId: factor.keyId, ciphertext: factor.secretCiphertext });
  const step = await matchTimeStep(plaintext, code, factor.lastUsedStep);
  if (step === null) return false;
  const resealed = stale ? sealSecret(userId, plaintext) : null;
  const { count } = await db.totpFactor.updateMany({
    where: { userId, confirmedAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step, ...(resealed ? { secretCiphertext: resealed.ciphertext, keyId: resealed.keyId } : {}) },
  });
  return count === 1;
}
