// Have I Been Pwned's Pwned Passwords range API, when PASSWORD_BREACH_CHECK=hibp. By
// k-anonymity: only the first 5 hex characters of the password's SHA-1 are sent, the
// service answers every suffix it knows under that prefix (padded with decoys of count 0),
// and the match is made here. It fails open: a check that cannot be made must not stop
// people from signing up (docs/decisions/0026-password-policy.md).
import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/env";

// Longer than the service's usual answer (tens of ms) by far, short enough to sign up.
const TIMEOUT_MS = 2000;
// One line per quarter hour while it is down, not one per signup.
const WARN_EVERY_MS = 15 * 60 * 1000;
let lastWarning = -Infinity;

/** Whether the service lists the password; false when the check is off or cannot be made. */
export async function isBreachedPassword(password: string): Promise<boolean> {
  if (env.PASSWORD_BREACH_CHECK !== "hibp") return false;
  const hash = createHash("sha1").update(password, "utf8").digest("hex").toUpperCase();
  try {
    return listsSuffix(await fetchRange(hash.slice(0, 5)), hash.slice(5));
  } catch (error) {
    warnNowAndThen(error);
    return false;
  }
}

async function fetchRange(prefix: string): Promise<string> {
  const url = `${env.PASSWORD_BREACH_API_URL.replace(/\/+$/, "")}/range/${prefix}`;
  const response = await fetch(url, {
    headers: { "add-padding": "true", "user-agent": "jwt-items password check" },
    signal: AbortSignal.timeout(TIMEOUT_MS),
    cache: "no-store",
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`it answered ${response.status}`);
  }
  return response.text();
}

/** Lines of `SUFFIX:COUNT`; a count of 0 is padding, which stands for no password. */
function listsSuffix(range: string, suffix: string): boolean {
  return range.split("\n").some((line) => {
    const [candidate, count] = line.trim().split(":");
    return candidate?.toUpperCase() === suffix && Number(count) > 0;
  });
}

function warnNowAndThen(error: unknown): void {
  const now = Date.now();
  if (now - lastWarning < WARN_EVERY_MS) return;
  lastWarning = now;
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  console.warn(`Have I Been Pwned check failed (${reason}): new passwords are accepted without it until it answers`);
}
