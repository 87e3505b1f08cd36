// The only module that touches bcrypt. bcrypt reads at most 72 bytes of a password and
// silently ignores the rest, so the schemas reject longer passwords instead of letting
// two different passwords share a hash (see lib/auth/schemas.ts).
import bcrypt from "bcryptjs";
import { env } from "@/lib/env";

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env.BCRYPT_COST);
}

// A hash at the configured cost of a password nobody knows: checking an unknown email
// against it costs the same time as checking a real account, so timing tells nothing.
// Made once, when the module loads, so the first unknown email is not slower either.
const decoyHash = bcrypt.hash(crypto.randomUUID(), env.BCRYPT_COST);

/** Checks a password against a stored hash, or against the decoy when there is none. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? (await decoyHash));
  return hash !== null && matches;
}
