// Cookies ride along on requests that other sites make, so an unsafe request that is
// authenticated by a cookie must prove it comes from this app's own pages. Browsers
// send Sec-Fetch-Site or Origin on every cross-origin unsafe request and cannot be
// made to forge them; requests authenticated by the Authorization header carry no
// ambient credential and are exempt.
import { env } from "@/lib/env";
import { isHttps } from "@/lib/http/https";
import { HttpError } from "@/lib/http/problem";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (origin === null || origin === "null") return false;
  try {
    // The whole origin: scheme, host and port. http://app.example is not https://app.example.
    return new URL(origin).origin === appOrigin(request);
  } catch {
    return false;
  }
}

/** APP_ORIGIN when set; else the origin this request was addressed to. */
function appOrigin(request: Request): string {
  if (env.APP_ORIGIN) return env.APP_ORIGIN;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  return new URL(`${isHttps(request) ? "https" : "http"}://${host}`).origin;
}

/** Throws 403 `csrf_failed` for a cross-origin unsafe request. */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method) || isSameOrigin(request)) return;
  throw new HttpError(403, {
    code: "csrf_failed",
    detail: "This request must come from the app's own pages.",
  });
}

/**
 * Whether a browser sent this request: every browser adds Sec-Fetch-Site or Origin to
 * the requests a page makes with fetch or a form post; curl, mobile apps and services
 * send neither.
 */
export function isBrowserRequest(request: Request): boolean {
  return request.headers.has("sec-fetch-site") || request.headers.has("origin");
}

/**
 * For login and signup, which set cookies but are not yet authenticated: a browser
 * form on another site must not log a victim into an attacker's account. Clients
 * that send neither header (curl, mobile apps, services) are not browsers and pass.
 */
export function assertNotCrossSite(request: Request): void {
  if (isBrowserRequest(request)) assertSameOrigin(request);
}
