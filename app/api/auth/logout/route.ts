import * as operations from "@/lib/api/operations/auth";
import { getCurrentUser } from "@/lib/auth/authenticate";
import { clearAuthCookies, readRefreshCookie } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { logOut } from "@/lib/auth/service";
import { SeeOther } from "@/lib/http/response";
import { route } from "@/lib/http/route";

// Idempotent: whatever was sent, the answer is 204 (303 for a form) and the cookies are
// cleared. Another site's request never gets here (the operation refuses it): a browser
// applies the clearing cookies of a cross-site form post's answer (README: The API).
export const POST = route(operations.logOut, async ({ request, body, headers }) => {
  const cookie = readRefreshCookie(request);
  if (!body.refresh_token && cookie) assertSameOrigin(request);
  const refreshToken = body.refresh_token ?? cookie;
  const sessionId = refreshToken ? undefined : (await getCurrentUser(request))?.sessionId;
  await logOut({ refreshToken, sessionId });
  clearAuthCookies(request, headers);
  // The header's Sign out is a form, so that it works before the page's scripts run.
  if (isFormPost(request)) return new SeeOther("/login?reason=signed-out");
});

const isFormPost = (request: Request) =>
  (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
