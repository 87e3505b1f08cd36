// The only module that touches bcrypt. bcrypt reads at most 72 bytes of a password and
// silently ignores the rest, so the schemas reject longer passwords instead of letting
// two different passwords share a hash (see lib/auth/schemas.ts).
//
// bcryptjs is pure JavaScript: one hash at cost 10 holds a thread for ~70 ms. On the
// event loop that would stall every other request behind each login, so hashes run on
// a small pool of worker threads (lib/auth/passwords/hash-pool.ts) and logins use every core.
import "server-only";
import { env } from "@/lib/env";
import { runOnHashPool } from "@/lib/auth/passwords/hash-pool";

export async function hashPassword(password: string): Promise<string> {
  return runOnHashPool({ op: "hash", password, cost: env.BCRYPT_COST });
}

// A hash at the configured cost of a password nobody knows: checking an unknown email
// against it costs the same time as checking a real account, so timing tells nothing.
// Made once, when the module loads, so the first unknown email is not slower either.
const decoyHash = hashPassword(crypto.randomUUID());

/**
 * Whether a stored hash was made at another cost than BCRYPT_COST. Login then hashes the
 * password again at the current cost: a right password costs what a wrong one and an
 * unknown email (the decoy) cost, so changing BCRYPT_COST opens no timing gap for long.
 */
export function needsRehash(hash: string): boolean {
  const cost = /^\$2[aby]\$(\d{2})\$/.exec(hash)?.[1];
  return cost === undefined || Number(cost) !== env.BCRYPT_COST;
}

/** Checks a password against a stored hash, or against the decoy when there is none. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const against = hash ?? (await decoyHash);
  const matches = await runOnHashPool({ op: "compare", password, hash: against });
  return hash !== null && matches;
}
