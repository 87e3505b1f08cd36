// Recovery codes: 10 per set, 10 characters each from an alphabet without look-alikes
// (no 0/o, 1/l/i), shown as xxxxx-xxxxx. Stored only as HMAC-SHA256 under a key derived for
// them, with the account id inside, so neither the table nor a copied row reveals or
// transfers one (docs/decisions/0032-second-factors.md). Each works once.
import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { getDb, Prisma } from "@/lib/db";
import { deriveKey, keyMaterial } from "@/lib/auth/factors/keys";

const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const CODE_LENGTH = 10;
export const CODES_PER_SET = 10;

type Writer = Pick<Prisma.TransactionClient, "recoveryCode">;

function newCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** As typed: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]+/g, "");

// One hash per configured key, newest first: a set made before a key rotation still works.
function hashesOf(userId: string, code: string): string[] {
  return keyMaterial().map((material) =>
    createHmac("sha256", deriveKey(material, "recovery codes")).update(`${userId}:${normalizeRecoveryCode(code)}`).digest("hex"),
  );
}

/** A new set in place of the account's old one (deleted in the same transaction). */
export async function replaceRecoveryCodes(tx: Writer, userId: string): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < CODES_PER_SET) codes.add(newCode());
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: [...codes].map((code) => ({ userId, codeHash: hashesOf(userId, code)[0]! })) });
  return [...codes];
}

export async function deleteRecoveryCodes(tx: Writer, userId: string): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
}

/**
 * Uses a code up, in one statement: of two requests with one code, exactly one gets it.
 * Given a transaction, in it: a rollback gives the code back.
 * How many are left, or null for a wrong or used code. The count is read in the same
 * statement, from before the update, hence the subtraction.
 */
export async function redeemRecoveryCode(
  userId: string,
  code: string,
  tx?: Pick<Prisma.TransactionClient, "$queryRaw">,
): Promise<{ left: number } | null> {
  if (!new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`).test(normalizeRecoveryCode(code))) return null;
  const db = tx ?? (await getDb());
  const [row] = await db.$queryRaw<{ used: number; unused: number }[]>`
    WITH used AS (
      UPDATE recovery_codes SET used_at = ${new Date()}
      WHERE user_id = ${userId}::uuid AND used_at IS NULL AND code_hash IN (${Prisma.join(hashesOf(userId, code))})
      RETURNING id
    )
    SELECT (SELECT count(*) FROM used)::int AS used,
           (SELECT count(*) FROM recovery_codes WHERE user_id = ${userId}::uuid AND used_at IS NULL)::int AS unused`;
  if (!row || row.used === 0) return null;
  return { left: row.unused - row.used };
}

export async function countRecoveryCodes(userId: string): Promise<number> {
  const db = await getDb();
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
