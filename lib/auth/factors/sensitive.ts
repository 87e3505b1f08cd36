// The gate of every sensitive action: reads the session's assurance and whether the account
// has TOTP, then applies the step-up rule (lib/auth/factors/step-up.ts).
import "server-only";
import { env } from "@/lib/env";
import { unauthorized } from "@/lib/http/challenge";
import { readAssurance } from "@/lib/auth/factors/assurance";
import { requireStepUp } from "@/lib/auth/factors/step-up";
import { hasTotp } from "@/lib/auth/factors/status";

export type Caller = { userId: string; sessionId: string };

/**
 * Throws 401 `step_up_required` unless the caller's session may do a sensitive action now.
 * `passwordVerified`: the request carried the current password and it was checked.
 */
export async function requireRecentProof(caller: Caller, options: { passwordVerified?: boolean } = {}): Promise<void> {
  const [assurance, totp] = await Promise.all([readAssurance(caller.sessionId, caller.userId), hasTotp(caller.userId)]);
  if (!assurance) throw unauthorized("session_revoked");
  requireStepUp({
    aal: assurance.aal,
    authTime: assurance.authTime,
    hasTotp: totp,
    maxAge: env.REAUTH_MAX_AGE,
    passwordVerified: options.passwordVerified ?? false,
  });
}
