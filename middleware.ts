// The edge gate. It turns away requests without a valid access token early and
// cheaply (jose only: no database, no Node APIs), answers unknown API paths and wrong
// methods with problem+json, and sends signed-out visitors of protected pages to the
// login page. It is not the last line: every route handler verifies the token again
// and checks its session, so a request that skips this file gains nothing.
import { NextResponse, type NextRequest } from "next/server";
import { isProtectedPage, matchApiRoute, needsToken } from "@/lib/api/route-map";
import { unauthorized } from "@/lib/http/challenge";
import { cookieNames, readCookie } from "@/lib/auth/identity/cookies";
import { checkAccessToken, type TokenCheck } from "@/lib/auth/identity/jwt";
import { edgeKeys } from "@/lib/auth/identity/remote-keys";
import { env } from "@/lib/env";
import { isHttps, servedOverHttps } from "@/lib/http/https";
import { problem } from "@/lib/http/problem";
import { errorResponse } from "@/lib/http/error-response";
import { createNonce, pagePolicy } from "@/lib/security/csp";

// The token step of authentication (lib/auth/identity/jwt.ts); route handlers repeat it and then
// check the session, which needs the server. Asymmetric keys come from the app's own JWKS
// (lib/auth/identity/remote-keys.ts).
async function checkToken(request: NextRequest): Promise<TokenCheck> {
  return checkAccessToken(request.headers, readCookie(request, cookieNames(servedOverHttps(request)).access), edgeKeys);
}

async function gateApi(request: NextRequest): Promise<Response> {
  const match = matchApiRoute(request.nextUrl.pathname);
  if (!match) {
    return problem(404, { code: "not_found", detail: "There is no such API endpoint." });
  }
  const methods: readonly string[] = match.methods;
  const allowed = methods.includes("GET") ? [...methods, "HEAD", "OPTIONS"] : [...methods, "OPTIONS"];
  if (!allowed.includes(request.method)) {
    return problem(405, {
      code: "method_not_allowed",
      detail: `${request.method} is not supported here. Allowed: ${allowed.join(", ")}.`,
      headers: { allow: allowed.join(", ") },
    });
  }
  if (needsToken(match, request.method)) {
    const checked = await checkToken(request);
    if ("reason" in checked) return errorResponse(unauthorized(checked.reason));
  }
  // Next percent-decodes a dynamic segment (`[id]`) before the route handler runs, and
  // answers a broken escape (`%ff`, `%E0%A4%A`) with its own 500 text/plain. Such an id
  // names nothing: 404, like any other id that is not one, answered here where every API
  // request passes first (behind `npm start` and on Vercel alike).
  if (!isDecodable(request.nextUrl.pathname)) {
    return problem(404, { code: "not_found", detail: "There is no such resource." });
  }
  return NextResponse.next();
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lets a page request through with a fresh CSP nonce: Next reads it from the request's
 * Content-Security-Policy header and puts it on every script it writes into the page.
 */
function nextWithNonce(request: NextRequest): NextResponse {
  const policy = pagePolicy({
    nonce: createNonce(),
    dev: env.NODE_ENV === "development",
    https: isHttps(request),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

async function gatePage(request: NextRequest): Promise<Response> {
  if ("claims" in (await checkToken(request))) return nextWithNonce(request);
  const login = new URL("/login", request.url);
  login.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export async function middleware(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/")) return gateApi(request);
  if (isProtectedPage(pathname)) return gatePage(request);
  return nextWithNonce(request);
}

export const config = {
  matcher: [
    // The gate: always, prefetches included.
    "/api/:path*",
    "/items/:path*",
    "/account/:path*",
    "/admin/:path*",
    // Every other page, for its CSP nonce. Not static files (the build's, the icons and
    // the manifest of app/: exactly those names, so a page under a longer one still gets
    // its policy), and not the router's prefetches and navigations (RSC payloads, not
    // documents: the page they land in keeps the policy, and the nonce, it was loaded with).
    {
      source: "/((?!api/|_next/static|_next/image|(?:favicon\\.ico|icon\\.svg|apple-icon\\.png|manifest\\.webmanifest|icons/icon-\\d+\\.png)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "rsc" },
      ],
    },
  ],
};
