import * as operations from "@/lib/api/operations/auth";
import { bearerChallenge } from "@/lib/auth/challenge";
import { clearAuthCookies, readRefreshCookie } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { refresh } from "@/lib/auth/service";
import { deliverTokens } from "@/lib/auth/token-response";
import { HttpError } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

// A token sent in the body is answered in the body (API clients); a cookie is answered
// with rotated cookies and never exposes the refresh token to scripts (browsers).
export const POST = route(operations.refreshTokens, async ({ request, body, headers }) => {
  if (body.refresh_token) {
    return deliverTokens(request, headers, await refresh(body.refresh_token), { cookies: false, refreshInBody: true });
  }
  const fromCookie = readRefreshCookie(request);
  if (!fromCookie) {
    throw new HttpError(401, {
      code: "invalid_refresh_token",
      detail: "No refresh token was sent.",
      headers: { "www-authenticate": bearerChallenge() },
    });
  }
  assertSameOrigin(request);
  try {
    return deliverTokens(request, headers, await refresh(fromCookie), { cookies: true, refreshInBody: false });
  } catch (error) {
    // A dead refresh cookie is of no more use: drop it, so the browser stops sending it.
    if (error instanceof HttpError && error.status === 401) clearAuthCookies(request, headers);
    throw error;
  }
});
