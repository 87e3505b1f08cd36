// A wait in words a person reads at a glance: "30 seconds", "about 15 minutes", "about 2
// hours", never "898 seconds". Always rounded up, so "try again in" is never too early.
// Pure: a 429's detail (lib/auth/accounts/limits.ts) and the pages (lib/client) say the same.
const MINUTE = 60;
const HOUR = 3600;

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

export function describeWait(seconds: number): string {
  if (seconds < MINUTE) return count(Math.max(1, Math.ceil(seconds)), "second");
  // Up to an hour and a half, minutes still say more than "about 1 hour" or "about 2 hours".
  if (seconds < 90 * MINUTE) return `about ${count(Math.ceil(seconds / MINUTE), "minute")}`;
  return `about ${count(Math.ceil(seconds / HOUR), "hour")}`;
}

/** The sentence of a 429: the wait in words; Retry-After keeps the exact seconds. */
export function tooManyAttempts(seconds: number | null): string {
  return `Too many attempts. Try again in ${seconds === null ? "a few minutes" : describeWait(seconds)}.`;
}
