// Fixed-window counters kept in the database, so every server instance counts the
// same attempts. One atomic upsert per attempt, made before the attempt is judged.
// Windows are measured on the app's clock: `now()` of the database and of the app may
// differ by a little, and mixing them would make Retry-After lie.
import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/problem";
import { tooManyAttempts } from "@/lib/wait-words";

/** `window` in seconds: attempts beyond `max` within it are refused. */
export type Limit = { key: string; max: number; window: number };

const HOUR = 3600;

// A per-address limit counts a client's network, not its address: it is given the
// request's addressKey (lib/auth/identity/request-context.ts), an IPv6 address's /64.
export const limits = {
  loginByEmail: (email: string): Limit => ({
    key: `login:email:${email}`, max: env.LOGIN_MAX_FAILURES_PER_EMAIL, window: env.RATE_LIMIT_WINDOW,
  }),
  // A browser or client that signed in to the account before has an allowance of its own,
  // which strangers' failures against the email cannot use up (lib/auth/identity/device-tokens.ts).
  loginByDevice: (deviceId: string): Limit => ({
    key: `login:device:${deviceId}`, max: env.LOGIN_MAX_FAILURES_PER_EMAIL, window: env.RATE_LIMIT_WINDOW,
  }),
  loginByAddress: (addressKey: string): Limit => ({
    key: `login:ip:${addressKey}`, max: env.LOGIN_MAX_FAILURES_PER_IP, window: env.RATE_LIMIT_WINDOW,
  }),
  signupByAddress: (addressKey: string): Limit => ({
    key: `signup:ip:${addressKey}`, max: env.SIGNUP_MAX_PER_IP, window: env.RATE_LIMIT_WINDOW,
  }),
  // Mail limits count per hour (README: Limits), so nobody can flood an inbox through the app.
  resetByEmail: (email: string): Limit => ({ key: `reset:email:${email}`, max: env.PASSWORD_RESET_MAX_PER_EMAIL, window: HOUR }),
  resetByAddress: (addressKey: string): Limit => ({ key: `reset:ip:${addressKey}`, max: env.PASSWORD_RESET_MAX_PER_IP, window: HOUR }),
  // A revert mails a reset link: counted per client like the forgot-password requests.
  revertByAddress: (addressKey: string): Limit => ({ key: `revert:ip:${addressKey}`, max: env.PASSWORD_RESET_MAX_PER_IP, window: HOUR }),
  verifyMailByUser: (userId: string): Limit => ({
    key: `verify-mail:user:${userId}`, max: env.VERIFY_MAIL_MAX_PER_USER, window: HOUR,
  }),
};

/** The longest window of any limit: a counter older than this is of no more use. */
export const LONGEST_WINDOW = () => Math.max(env.RATE_LIMIT_WINDOW, HOUR);

function tooMany(windowStart: Date, window: number): HttpError {
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + window * 1000 - Date.now()) / 1000));
  return new HttpError(429, {
    code: "rate_limited",
    detail: tooManyAttempts(retryAfter),
    headers: { "retry-after": String(retryAfter) },
  });
}

/**
 * Counts one attempt against a key, atomically (one upsert): a window that has passed
 * starts again at 1. Returns the count and when its window started.
 */
export async function recordAttempt(key: string, window: number): Promise<{ count: number; windowStart: Date }> {
  const db = await getDb();
  const now = new Date();
  const windowStart = new Date(now.getTime() - window * 1000);
  const [row] = await db.$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limits (key, count, window_start) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start <= ${windowStart} THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= ${windowStart} THEN ${now} ELSE rate_limits.window_start END
    RETURNING count, window_start`;
  return { count: row?.count ?? 1, windowStart: row?.window_start ?? now };
}

/**
 * Takes one attempt from each limit at once, then throws 429 when any is used up. Every
 * attempt is counted, also one that is then refused: a flood keeps its window full.
 */
export async function consume(...checks: Limit[]): Promise<void> {
  const counted = await Promise.all(checks.map(async (limit) => ({ limit, ...(await recordAttempt(limit.key, limit.window)) })));
  const exhausted = counted.filter(({ count, limit }) => count > limit.max);
  const latest = exhausted.sort((a, b) => b.windowStart.getTime() - a.windowStart.getTime())[0];
  if (latest) throw tooMany(latest.windowStart, latest.limit.window);
}

/** Returns an attempt that turned out to be a success (the per-address failure count). */
export async function giveBack(key: string): Promise<void> {
  const db = await getDb();
  await db.$executeRaw`UPDATE rate_limits SET count = count - 1 WHERE key = ${key} AND count > 0`;
}

export async function resetAttempts(key: string): Promise<void> {
  const db = await getDb();
  await db.rateLimit.deleteMany({ where: { key } });
}
