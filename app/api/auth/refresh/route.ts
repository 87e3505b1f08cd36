import * as operations from "@/lib/api/operations/auth";
import { bearerChallenge } from "@/lib/http/challenge";
import { clearAuthCookies, readRefreshCookie } from "@/lib/auth/identity/cookies";
import { assertSameOrigin } from "@/lib/auth/identity/csrf";
import { refresh } from "@/lib/auth/accounts/sign-in";
import { deliverTokens } from "@/lib/auth/identity/token-delivery";
import { HttpError } from "@/lib/http/problem";
import { route } from "@/lib/api/route";

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
