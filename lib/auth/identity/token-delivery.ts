// Where the tokens of a signup, login or refresh go. A browser gets both only as httpOnly
// cookies: a refresh token in a JSON body would be in reach of any script on the page,
// which is what the cookie exists to prevent. Other clients (curl, apps, services) get
// the refresh token in the body, where they asked for it. The device token of a signup or
// login (lib/auth/identity/device-tokens.ts) goes the same way: a cookie, or the body for API clients.
import { readDeviceCookie, setAuthCookies, setDeviceCookie } from "@/lib/auth/identity/cookies";
import { cookieWithToken, DEVICE_COOKIE_MAX_AGE } from "@/lib/auth/identity/device-tokens";
import { isBrowserRequest } from "@/lib/auth/identity/csrf";
import type { TokenReply } from "@/lib/auth/responses";
import type { IssuedTokens } from "@/lib/auth/accounts/sign-in";

type Delivery = {
  /** Set the cookies for a non-browser client too (signup and login, so forms work). */
  cookies: boolean;
  /** Give a non-browser client the refresh token in the body. */
  refreshInBody: boolean;
};

/** Sets the cookies the delivery calls for on `headers`; answers the body's token fields. */
export function deliverTokens(
  request: Request,
  headers: Headers,
  issued: IssuedTokens,
  delivery: Delivery,
): TokenReply & { device_token?: string } {
  const browser = isBrowserRequest(request);
  if (browser || delivery.cookies) {
    setAuthCookies(request, headers, {
      accessToken: issued.grant.access_token,
      accessMaxAge: issued.grant.expires_in,
      refreshToken: issued.refreshToken,
      refreshMaxAge: issued.refreshExpiresIn,
    });
  }
  const refresh = !browser && delivery.refreshInBody ? { refresh_token: issued.refreshToken } : {};
  if (!issued.deviceToken) return { ...issued.grant, ...refresh };
  if (browser || delivery.cookies) {
    setDeviceCookie(request, headers, cookieWithToken(readDeviceCookie(request), issued.deviceToken), DEVICE_COOKIE_MAX_AGE);
  }
  return { ...issued.grant, ...refresh, ...(browser ? {} : { device_token: issued.deviceToken }) };
}
