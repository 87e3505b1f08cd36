// The auth cookies' names, and how a request's cookie is read. Both tokens are HttpOnly
// cookies (no script can read one); the refresh cookie is sent only to /api/auth and never
// on cross-site requests (lib/auth/identity/token-delivery.ts writes them). Over HTTPS
// they carry the prefixes that browsers enforce: a `__Host-` cookie can only have been set
// by this very host (Secure, Path=/, no Domain), a `__Secure-` one only over HTTPS, so a
// sibling subdomain cannot plant a token of its own under these names. Edge-safe:
// middleware reads the access cookie through here.
//
// Beside them, `session_hint` holds no token, only "1", and is HttpOnly like every cookie of
// the app. The refresh cookie goes only to /api/auth, so a page's server cannot see it; the
// hint, at Path=/, tells the login page's render whether there is a session to refresh at
// all, so a signed-out visit asks for no refresh that can only fail
// (docs/decisions/0043-session-hint-cookie.md). It lives and dies with the refresh cookie
// and authenticates nothing.

export type CookieNames = { access: string; refresh: string; device: string; hint: string };

const PLAIN: CookieNames = { access: "access_token", refresh: "refresh_token", device: "device", hint: "session_hint" };
const PREFIXED: CookieNames = {
  access: "__Host-access_token",
  refresh: "__Secure-refresh_token",
  device: "__Secure-device",
  hint: "__Host-session_hint",
};

/** The session hint's value: a fact ("this browser holds a refresh cookie"), never a secret. */
export const SESSION_HINT_VALUE = "1";

/** Whether the request carries the session hint: the browser holds a refresh cookie, as far as it says. */
export function carriesSessionHint(request: { headers: Headers }, names: CookieNames): boolean {
  return readCookie(request, names.hint) === SESSION_HINT_VALUE;
}

/** The names of the auth cookies: prefixed when the app is served over HTTPS (servedOverHttps). */
export const cookieNames = (https: boolean): CookieNames => (https ? PREFIXED : PLAIN);

/**
 * One cookie's value, or undefined. A name sent twice is read as no cookie at all: over
 * plain HTTP a cookie set for a parent domain arrives beside this host's own, and neither
 * may be trusted to be ours. A garbled percent-escape is a cookie this app never set:
 * as good as none, never a 500.
 */
export function readCookie(request: { headers: Headers }, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  let found: string | undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    if (found !== undefined) return undefined;
    found = part.slice(eq + 1).trim();
  }
  return found ? decodeCookieValue(found) : undefined;
}

function decodeCookieValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
