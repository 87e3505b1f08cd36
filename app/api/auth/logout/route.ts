import * as operations from "@/lib/api/operations/auth";
import { getCaller } from "@/lib/auth/identity/caller";
import { assertSameOrigin } from "@/lib/auth/identity/request-context";
import { logOut } from "@/lib/auth/accounts/sign-in";
import { SeeOther } from "@/lib/http/response";
import { route } from "@/lib/api/route";

// Idempotent: whatever was sent, the answer is 204 (303 for a form) and route() clears the
// cookies. Another site's request never gets here (the operation refuses it): a browser
// applies the clearing cookies of a cross-site form post's answer (README: The API).
export const POST = route(operations.logOut, async ({ request, body, context }) => {
  const cookie = context.cookies.refresh;
  if (!body.refresh_token && cookie) assertSameOrigin(context);
  const refreshToken = body.refresh_token ?? cookie;
  const sessionId = refreshToken ? undefined : (await getCaller(context))?.sessionId;
  await logOut({ refreshToken, sessionId }, context);
  // The header's Sign out is a form, so that it works before the page's scripts run.
  if (isFormPost(request)) return new SeeOther("/login?reason=signed-out");
});

const isFormPost = (request: Request) =>
  (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
