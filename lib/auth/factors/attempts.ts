// The shared budget of second steps: TOTP codes and recovery codes, at login and at
// reauthentication, count together per account. 10 wrong in a row within 15 minutes, and
// the account's second steps get 429 until the window passes; a success empties it.
import "server-only";
import { consume, resetAttempts, type Limit } from "@/lib/auth/accounts/limits";

const MAX_WRONG = 10;
const WINDOW_SECONDS = 900;

const secondSteps = (userId: string): Limit => ({ key: `second-step:user:${userId}`, max: MAX_WRONG, window: WINDOW_SECONDS });

/**
 * Counts one attempt before it is judged (throws 429 past the budget): of many sent at
 * once, at most 10 are judged at all.
 */
export async function countSecondStep(userId: string): Promise<void> {
  await consume(secondSteps(userId));
}

export async function resetSecondSteps(userId: string): Promise<void> {
  await resetAttempts(secondSteps(userId).key);
}
