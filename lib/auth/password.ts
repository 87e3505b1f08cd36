// The only module that touches bcrypt. bcrypt reads at most 72 bytes of a password and
// silently ignores the rest, so the schemas reject longer passwords instead of letting
// two different passwords share a hash (see lib/auth/schemas.ts).
//
// bcryptjs is pure JavaScript: one hash at cost 10 holds a thread for ~70 ms. On the
// event loop that would stall every other request behind each login, so hashes run on
// a small pool of worker threads (lib/auth/hash-pool.ts) and logins use every core.
import { env } from "@/lib/env";
import { runOnHashPool } from "@/lib/auth/hash-pool";

export async function hashPassword(password: string): Promise<string> {
  return runOnHashPool({ op: "hash", password, cost: env.BCRYPT_COST });
}

// A hash at the configured cost of a password nobody knows: checking an unknown email
// against it costs the same time as checking a real account, so timing tells nothing.
// Made once, when the module loads, so the first unknown email is not slower either.
const decoyHash = hashPassword(crypto.randomUUID());

/** Checks a password against a stored hash, or against the decoy when there is none. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const against = hash ?? (await decoyHash);
  const matches = await runOnHashPool({ op: "compare", password, hash: against });
  return hash !== null && matches;
}
