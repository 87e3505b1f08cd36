import { clearAuthCookies, readRefreshCookie } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { getCurrentUser } from "@/lib/auth/authenticate";
import { LogoutSchema } from "@/lib/auth/schemas";
import { logOut } from "@/lib/auth/service";
import { parseInput, readBody } from "@/lib/http/body";
import { noContent } from "@/lib/http/response";
import { route } from "@/lib/http/route";

// Idempotent: whatever was sent, the answer is 204 and the cookies are cleared.
export const POST = route(async (request) => {
  const body = parseInput(LogoutSchema, await readBody(request, { optional: true }));
  const cookie = readRefreshCookie(request);
  if (!body.refresh_token && cookie) assertSameOrigin(request);
  const refreshToken = body.refresh_token ?? cookie;
  const sessionId = refreshToken ? undefined : (await getCurrentUser(request))?.sessionId;
  await logOut({ refreshToken, sessionId });
  const headers = new Headers();
  clearAuthCookies(request, headers);
  return noContent(headers);
});
