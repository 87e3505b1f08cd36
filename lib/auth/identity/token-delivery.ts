// Where the tokens of a signup, login or refresh go, decided by the operation's `delivers`
// (lib/api/operation.ts) and applied by route(): handlers only answer IssuedTokens. A
// browser gets the refresh token only as an HttpOnly cookie: in a JSON body it would be
// in reach of any script on the page, which is what the cookie exists to prevent. Other
// clients (curl, apps, services) get it in the body, where they asked for it. The device
// token of a signup or login (lib/auth/identity/device-tokens.ts) goes the same way.
// This is also the one place that writes and clears the auth cookies, and the session
// hint beside the refresh cookie (lib/auth/identity/cookies.ts), HttpOnly like them.
import { cookieWithToken, DEVICE_COOKIE_MAX_AGE } from "@/lib/auth/identity/device-tokens";
import { SESSION_HINT_VALUE } from "@/lib/auth/identity/cookies";
import type { RequestContext } from "@/lib/auth/identity/request-context";
import type { TokenReply } from "@/lib/auth/responses";

/** The token fields of a signup, login or refresh answer but the refresh token, which may go in a cookie. */
export type AccessGrant = Omit<TokenReply, "refresh_token">;

/** What signup, login and refresh hand out, for delivery to put where it belongs. */
export type IssuedTokens = {
  grant: AccessGrant;
  refreshToken: string;
  refreshExpiresIn: number;
  /** At signup and login: this client's device token for the account. */
  deviceToken?: string;
};

/**
 * - "tokens-and-cookies" (signup, login): cookies for every client, so that a plain form
 *   post signs in; an API client also gets the refresh and device tokens in the body.
 * - "tokens" (refresh): the tokens go back the way the refresh token came: a body's token
 *   is answered in the body (a browser's with cookies instead), a cookie with cookies.
 */
export type TokenDelivery = "tokens-and-cookies" | "tokens";

export type DeliveredTokens = TokenReply & { device_token?: string };

export function deliverTokens(
  context: RequestContext,
  headers: Headers,
  issued: IssuedTokens,
  delivery: TokenDelivery,
  cameInBody: boolean,
): DeliveredTokens {
  const cookies = delivery === "tokens-and-cookies" || context.browser || !cameInBody;
  const inBody = !context.browser && (delivery === "tokens-and-cookies" || cameInBody);
  if (cookies) setAuthCookies(context, headers, issued);
  const answer: DeliveredTokens = { ...issued.grant, ...(inBody ? { refresh_token: issued.refreshToken } : {}) };
  if (!issued.deviceToken) return answer;
  if (cookies) {
    const value = cookieWithToken(context.cookies.device, issued.deviceToken);
    append(context, headers, { name: context.cookieNames.device, value, path: "/api/auth", sameSite: "Strict", maxAge: DEVICE_COOKIE_MAX_AGE });
  }
  return inBody ? { ...answer, device_token: issued.deviceToken } : answer;
}

type CookieSpec = { name: string; value: string; path: string; sameSite: "Lax" | "Strict"; maxAge: number };

/** Every cookie is HttpOnly: no script reads any of them, the session hint included. */
function append(context: RequestContext, headers: Headers, spec: CookieSpec): void {
  const parts = [`${spec.name}=${encodeURIComponent(spec.value)}`, `Path=${spec.path}`, `Max-Age=${spec.maxAge}`, "HttpOnly"];
  parts.push(`SameSite=${spec.sameSite}`);
  if (context.https) parts.push("Secure");
  headers.append("set-cookie", parts.join("; "));
}

// Each cookie lives as long as its token; the hint as long as the refresh cookie.
function setAuthCookies(context: RequestContext, headers: Headers, issued: IssuedTokens): void {
  setAccessCookie(context, headers, issued.grant);
  append(context, headers, { name: context.cookieNames.refresh, value: issued.refreshToken, path: "/api/auth", sameSite: "Strict", maxAge: issued.refreshExpiresIn });
  const hint = { name: context.cookieNames.hint, value: SESSION_HINT_VALUE, path: "/", sameSite: "Lax" as const };
  append(context, headers, { ...hint, maxAge: issued.refreshExpiresIn });
}

/** The access cookie alone: a reauthentication renews the access token, not the refresh token. */
export function setAccessCookie(context: RequestContext, headers: Headers, grant: AccessGrant): void {
  append(context, headers, { name: context.cookieNames.access, value: grant.access_token, path: "/", sameSite: "Lax", maxAge: grant.expires_in });
}

/**
 * Set-Cookie headers that remove both auth cookies and the session hint. The device cookie
 * stays: it is no credential, only the memory that this browser signed in to the account before.
 */
export function clearAuthCookies(context: RequestContext, headers: Headers): void {
  const { access, refresh, hint } = context.cookieNames;
  append(context, headers, { name: access, value: "", path: "/", sameSite: "Lax", maxAge: 0 });
  append(context, headers, { name: refresh, value: "", path: "/api/auth", sameSite: "Strict", maxAge: 0 });
  append(context, headers, { name: hint, value: "", path: "/", sameSite: "Lax", maxAge: 0 });
}
