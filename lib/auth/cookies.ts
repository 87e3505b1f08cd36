// The auth cookies a browser carries. Both are HttpOnly (no script can read a token);
// the refresh cookie is sent only to /api/auth and never on cross-site requests.
import { env } from "@/lib/env";
import { ACCESS_COOKIE, REFRESH_COOKIE } from "@/lib/auth/jwt";
import { isHttps } from "@/lib/http";

export { ACCESS_COOKIE, REFRESH_COOKIE };

/** Reads one cookie from a request's Cookie header. */
export function readCookie(request: { headers: Headers }, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value === "" ? undefined : decodeCookieValue(value);
    }
  }
  return undefined;
}

// A garbled percent-escape is a cookie this app never set: as good as no cookie, never a 500.
function decodeCookieValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

type CookieSpec = { name: string; value: string; path: string; sameSite: "Lax" | "Strict"; maxAge: number };

function serialize(request: Request, spec: CookieSpec): string {
  const parts = [
    `${spec.name}=${encodeURIComponent(spec.value)}`,
    `Path=${spec.path}`,
    `Max-Age=${spec.maxAge}`,
    "HttpOnly",
    `SameSite=${spec.sameSite}`,
  ];
  // Secure whenever the app is served over HTTPS.
  if (isHttps(request)) parts.push("Secure");
  return parts.join("; ");
}

const accessCookie = (value: string, maxAge: number): CookieSpec => ({
  name: ACCESS_COOKIE, value, path: "/", sameSite: "Lax", maxAge,
});

const refreshCookie = (value: string, maxAge: number): CookieSpec => ({
  name: REFRESH_COOKIE, value, path: "/api/auth", sameSite: "Strict", maxAge,
});

/** Set-Cookie headers for a freshly issued pair of tokens. */
export function setAuthCookies(
  request: Request,
  headers: Headers,
  tokens: { accessToken: string; refreshToken?: string },
): void {
  headers.append("set-cookie", serialize(request, accessCookie(tokens.accessToken, env.ACCESS_TOKEN_TTL)));
  if (tokens.refreshToken) {
    headers.append("set-cookie", serialize(request, refreshCookie(tokens.refreshToken, env.REFRESH_TOKEN_TTL)));
  }
}

/** Set-Cookie headers that remove both auth cookies. */
export function clearAuthCookies(request: Request, headers: Headers): void {
  headers.append("set-cookie", serialize(request, accessCookie("", 0)));
  headers.append("set-cookie", serialize(request, refreshCookie("", 0)));
}
