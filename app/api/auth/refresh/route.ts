import * as operations from "@/lib/api/operations/auth";
import { refreshTokens } from "@/lib/auth/accounts/sign-in";
import { requireRefreshCookie } from "@/lib/auth/identity/request-context";
import { clearAuthCookies } from "@/lib/auth/identity/token-delivery";
import { HttpError } from "@/lib/http/problem";
import { route } from "@/lib/api/route";

// A token sent in the body is an API client's; without one, the browser's refresh cookie.
// route() answers each the way it came (the operation delivers "tokens").
export const POST = route(operations.refreshTokens, async ({ body, context, headers }) => {
  if (body.refresh_token) return { issued: await refreshTokens(body.refresh_token, context) };
  const cookie = requireRefreshCookie(context);
  try {
    return { issued: await refreshTokens(cookie, context) };
  } catch (error) {
    // A dead refresh cookie is of no more use: drop it, so the browser stops sending it.
    if (error instanceof HttpError && error.status === 401) clearAuthCookies(context, headers);
    throw error;
  }
});
