// Where the tokens of a signup, login or refresh go. A browser gets both only as httpOnly
// cookies: a refresh token in a JSON body would be in reach of any script on the page,
// which is what the cookie exists to prevent. Other clients (curl, apps, services) get
// the refresh token in the body, where they asked for it.
import { setAuthCookies } from "@/lib/auth/cookies";
import { isBrowserRequest } from "@/lib/auth/csrf";
import type { IssuedTokens } from "@/lib/auth/service";
import { json } from "@/lib/http/response";

type Delivery = {
  /** Set the cookies for a non-browser client too (signup and login, so forms work). */
  cookies: boolean;
  /** Give a non-browser client the refresh token in the body. */
  refreshInBody: boolean;
  status?: number;
  headers?: HeadersInit;
  /** Fields answered beside the tokens (`user` for signup and login). */
  extra?: Record<string, unknown>;
};

export function tokenResponse(request: Request, issued: IssuedTokens, delivery: Delivery): Response {
  const browser = isBrowserRequest(request);
  const headers = new Headers(delivery.headers);
  if (browser || delivery.cookies) {
    setAuthCookies(request, headers, {
      accessToken: issued.grant.access_token,
      accessMaxAge: issued.grant.expires_in,
      refreshToken: issued.refreshToken,
      refreshMaxAge: issued.refreshExpiresIn,
    });
  }
  const refresh = !browser && delivery.refreshInBody ? { refresh_token: issued.refreshToken } : {};
  return json({ ...delivery.extra, ...issued.grant, ...refresh }, { status: delivery.status ?? 200, headers });
}
