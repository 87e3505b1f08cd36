// Device tokens: the proof that a browser or client has signed in to an account before, so
// that a stranger's wrong guesses cannot lock the owner out (OWASP's device-cookie scheme,
// docs/decisions/0029). A token names the account and a random device id, under a MAC
// keyed from JWT_SECRET; it opens no session and grants nothing but a login allowance of
// its own. Browsers keep the tokens of the last few accounts in one HttpOnly cookie; other
// clients send theirs as `device_token` in the login body.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// The token format, first in every token: a later format can be told apart.
const FORMAT = "d1";
// A browser shared by a family or a lab keeps the allowance of this many accounts.
const ACCOUNTS_PER_BROWSER = 5;
/** How long a browser keeps its device cookie: a year from its last sign-in. */
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600;

// Its own key, derived under a label: nothing signed for another purpose can stand for it.
const key = createHmac("sha256", env.JWT_SECRET).update("jwt-items device token v1").digest();
const mac = (payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

/** A new device token for this account. */
export function issueDeviceToken(userId: string): string {
  const payload = `${FORMAT}.${userId}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${mac(payload)}`;
}

/** The device id of a token made here for this account; null for anything else. */
export function deviceIdFor(token: string, userId: string): string | null {
  const [format, owner, deviceId, signature, ...rest] = token.split(".");
  if (rest.length > 0 || format !== FORMAT || owner !== userId || !deviceId || !signature) return null;
  const expected = Buffer.from(mac(`${format}.${owner}.${deviceId}`));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/** The tokens a device cookie holds (at most a few; anything malformed is dropped later). */
export function tokensInCookie(value: string | undefined): string[] {
  return (value ?? "").split("~").filter(Boolean).slice(0, ACCOUNTS_PER_BROWSER);
}

/** The cookie's value with this account's new token first, and no older one of the same account. */
export function cookieWithToken(value: string | undefined, token: string): string {
  const owner = token.split(".")[1];
  const others = tokensInCookie(value).filter((t) => t.split(".")[1] !== owner);
  return [token, ...others].slice(0, ACCOUNTS_PER_BROWSER).join("~");
}
