// The facts of one request that the auth code reads, worked out once: route()
// (lib/api/route.ts) builds the context before anything else and hands it to the handler,
// the caller's check and the services; pages build one from their headers. Nothing
// downstream reads them from the Request again.
//
// It also holds the same-origin rule. Cookies ride along on requests that other sites
// make, so an unsafe request authenticated by a cookie must prove it comes from this
// app's own pages. Browsers send Sec-Fetch-Site or Origin on every cross-origin unsafe
// request and cannot be made to forge them; requests authenticated by the Authorization
// header carry no ambient credential and are exempt (docs/decisions/0005-login-csrf.md).
import { env } from "@/lib/env";
import { clientAddressOf, limitKeyOf } from "@/lib/http/client-address";
import { servedOverHttps } from "@/lib/http/https";
import { unauthorizedAs } from "@/lib/http/challenge";
import { HttpError } from "@/lib/http/problem";
import { cookieNames, readCookie, type CookieNames } from "@/lib/auth/identity/cookies";

export type RequestContext = {
  method: string;
  headers: Headers;
  /** The request's URL, when there is one (a page's context has only headers). */
  url?: string;
  /** The client's address, from the hop the deployment trusts (lib/http/client-address.ts). */
  readonly clientAddress: string;
  /** What per-address limits count this client under: its address, or its /64 for IPv6 (limitKeyOf). */
  readonly addressKey: string;
  /** Shown in the sessions list. */
  userAgent: string | null;
  /** Served over HTTPS: the cookies are Secure and prefixed, and the app's origin is https. */
  https: boolean;
  cookieNames: CookieNames;
  /** The auth cookies the request carries, under this request's names for them. */
  cookies: { access?: string; refresh?: string; device?: string };
  /**
   * Sent by a browser: every browser adds Sec-Fetch-Site or Origin to the requests a page
   * makes with fetch or a form post; curl, mobile apps and services send neither.
   */
  browser: boolean;
};

type RequestLike = { method?: string; headers: Headers; url?: string };

export function describeRequest(request: RequestLike): RequestContext {
  const { headers } = request;
  const https = servedOverHttps(request);
  const names = cookieNames(https);
  let clientAddress: string | undefined;
  let addressKey: string | undefined;
  return {
    method: request.method ?? "GET",
    headers,
    url: request.url,
    // Only what counts per address or records it needs it: worked out when first asked.
    get clientAddress() {
      return (clientAddress ??= clientAddressOf(headers));
    },
    get addressKey() {
      return (addressKey ??= limitKeyOf(this.clientAddress));
    },
    userAgent: headers.get("user-agent"),
    https,
    cookieNames: names,
    cookies: {
      access: readCookie(request, names.access),
      refresh: readCookie(request, names.refresh),
      device: readCookie(request, names.device),
    },
    browser: headers.has("sec-fetch-site") || headers.has("origin"),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isSameOrigin(context: RequestContext): boolean {
  const site = context.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = context.headers.get("origin");
  if (origin === null || origin === "null") return false;
  try {
    // The whole origin: scheme, host and port. http://app.example is not https://app.example.
    return new URL(origin).origin === appOrigin(context);
  } catch {
    return false;
  }
}

/** APP_ORIGIN when set; else the origin this request was addressed to. */
function appOrigin(context: RequestContext): string {
  if (env.APP_ORIGIN) return env.APP_ORIGIN;
  const { headers, url } = context;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? (url ? new URL(url).host : "");
  return new URL(`${context.https ? "https" : "http"}://${host}`).origin;
}

/** Throws 403 `csrf_failed` for a cross-origin unsafe request. */
export function assertSameOrigin(context: RequestContext): void {
  if (SAFE_METHODS.has(context.method) || isSameOrigin(context)) return;
  throw new HttpError(403, { code: "csrf_failed", detail: "This request must come from the app's own pages." });
}

/**
 * For login and signup, which set cookies but are not yet authenticated: a browser
 * form on another site must not log a victim into an attacker's account. Clients
 * that send neither header (curl, mobile apps, services) are not browsers and pass.
 */
export function assertNotCrossSite(context: RequestContext): void {
  if (context.browser) assertSameOrigin(context);
}

/**
 * The refresh cookie of a request that relies on it: 401 when there is none, 403 when
 * another site sent it (the cookie is SameSite=Strict; this holds for older browsers too).
 */
export function requireRefreshCookie(context: RequestContext): string {
  const cookie = context.cookies.refresh;
  if (!cookie) {
    throw unauthorizedAs("invalid_refresh_token", "No refresh token was sent.");
  }
  assertSameOrigin(context);
  return cookie;
}
