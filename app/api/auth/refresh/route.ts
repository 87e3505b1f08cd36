import { bearerChallenge } from "@/lib/auth/challenge";
import { clearAuthCookies, readRefreshCookie } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { RefreshSchema } from "@/lib/auth/schemas";
import { refresh } from "@/lib/auth/service";
import { tokenResponse } from "@/lib/auth/token-response";
import { parseInput, readBody } from "@/lib/http/body";
import { HttpError } from "@/lib/http/problem";
import { errorResponse, route } from "@/lib/http/route";

// A token sent in the body is answered in the body (API clients); a cookie is answered
// with rotated cookies and never exposes the refresh token to scripts (browsers).
export const POST = route(async (request) => {
  const body = parseInput(RefreshSchema, await readBody(request, { optional: true }));
  if (body.refresh_token) {
    return tokenResponse(request, await refresh(body.refresh_token), { cookies: false, refreshInBody: true });
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
    return tokenResponse(request, await refresh(fromCookie), { cookies: true, refreshInBody: false });
  } catch (error) {
    // A dead refresh cookie is of no more use: drop it, so the browser stops sending it.
    const response = errorResponse(error);
    if (response.status === 401) clearAuthCookies(request, response.headers);
    return response;
  }
});
