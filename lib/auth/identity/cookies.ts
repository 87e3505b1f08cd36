// The auth cookies a browser carries, and the one place that reads, sets and clears them.
// Both are HttpOnly (no script can read a token); the refresh cookie is sent only to
// /api/auth and never on cross-site requests. Over HTTPS they are Secure and carry the
// prefixes that browsers enforce: a `__Host-` cookie can only have been set by this very
// host (Secure, Path=/, no Domain), a `__Secure-` one only over HTTPS, so a sibling
// subdomain cannot plant a token of its own under these names. Edge-safe: middleware
// reads the access cookie through here.
import { env } from "@/lib/env";
import { isHttps } from "@/lib/http/https";

type CookieRequest = { headers: Headers; url?: string };

const PLAIN = { access: "access_token", refresh: "refresh_token", device: "device" } as const;
const PREFIXED = { access: "__Host-access_token", refresh: "__Secure-refresh_token", device: "__Secure-device" } as const;

/**
 * Whether the app is served over HTTPS: APP_ORIGIN says so once and for all when it is
 * set; otherwise the request's own URL or the proxy's X-Forwarded-Proto.
 */
function overHttps(request: CookieRequest): boolean {
  if (env.APP_ORIGIN) return env.APP_ORIGIN.startsWith("https:");
  if (request.url !== undefined) return isHttps(request as Request);
  return request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** The names of the two auth cookies for this request: prefixed over HTTPS. */
export function cookieNames(request: CookieRequest): { access: string; refresh: string; device: string } {
  return overHttps(request) ? PREFIXED : PLAIN;
}

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

/** The access token's cookie, under this request's name for it. */
export const readAccessCookie = (request: CookieRequest) => readCookie(request, cookieNames(request).access);

/** The refresh token's cookie, under this request's name for it. */
export const readRefreshCookie = (request: CookieRequest) => readCookie(request, cookieNames(request).refresh);

/** The device cookie (lib/auth/identity/device-tokens.ts): sent only to /api/auth, like the refresh token. */
export const readDeviceCookie = (request: CookieRequest) => readCookie(request, cookieNames(request).device);

type CookieSpec = { name: string; value: string; path: string; sameSite: "Lax" | "Strict"; maxAge: number };

function serialize(secure: boolean, spec: CookieSpec): string {
  const parts = [
    `${spec.name}=${encodeURIComponent(spec.value)}`,
    `Path=${spec.path}`,
    `Max-Age=${spec.maxAge}`,
    "HttpOnly",
    `SameSite=${spec.sameSite}`,
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/** The lifetimes of a freshly issued pair, in seconds: each cookie lives as long as its token. */
export type CookieTokens = { accessToken: string; accessMaxAge: number; refreshToken?: string; refreshMaxAge?: number };

/** Set-Cookie headers for a freshly issued pair of tokens. */
export function setAuthCookies(request: CookieRequest, headers: Headers, tokens: CookieTokens): void {
  const secure = overHttps(request);
  const names = cookieNames(request);
  headers.append(
    "set-cookie",
    serialize(secure, { name: names.access, value: tokens.accessToken, path: "/", sameSite: "Lax", maxAge: tokens.accessMaxAge }),
  );
  if (tokens.refreshToken) {
    headers.append(
      "set-cookie",
      serialize(secure, {
        name: names.refresh,
        value: tokens.refreshToken,
        path: "/api/auth",
        sameSite: "Strict",
        maxAge: tokens.refreshMaxAge ?? env.REFRESH_TOKEN_TTL,
      }),
    );
  }
}

/**
 * Sets the device cookie. Logout never clears it: it is no credential, only the memory
 * that this browser signed in to the account before.
 */
export function setDeviceCookie(request: CookieRequest, headers: Headers, value: string, maxAge: number): void {
  const spec = { name: cookieNames(request).device, value, path: "/api/auth", sameSite: "Strict", maxAge } as const;
  headers.append("set-cookie", serialize(overHttps(request), spec));
}

/** Set-Cookie headers that remove both auth cookies. */
export function clearAuthCookies(request: CookieRequest, headers: Headers): void {
  const secure = overHttps(request);
  const names = cookieNames(request);
  headers.append("set-cookie", serialize(secure, { name: names.access, value: "", path: "/", sameSite: "Lax", maxAge: 0 }));
  headers.append(
    "set-cookie",
    serialize(secure, { name: names.refresh, value: "", path: "/api/auth", sameSite: "Strict", maxAge: 0 }),
  );
}
