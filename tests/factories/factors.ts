// Second factors for test accounts, through the same services the API uses, and the codes
// an authenticator app would show.
import { generate } from "otplib";
import { confirmTotpSetup, startTotpSetup } from "@/lib/auth/factors/totp-setup";
import type { SignedInUser } from "./users";

const STEP_MS = 30_000;

/** The code an authenticator shows at `at` (default: now), `steps` steps later. */
export function totpCode(secret: string, steps = 0, at = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor((at + steps * STEP_MS) / 1000) });
}

/** Sets TOTP up and confirms it with the current code (whose step is then used). */
export async function turnOnTotp(account: SignedInUser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = await startTotpSetup(account.user.id, account.user.email);
  const recoveryCodes = await confirmTotpSetup(account.user.id, account.user.email, account.sessionId, await totpCode(secret));
  return { secret, recoveryCodes };
}
