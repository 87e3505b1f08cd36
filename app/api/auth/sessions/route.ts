import { clearAuthCookies } from "@/lib/auth/cookies";
import { requireUser } from "@/lib/auth/authenticate";
import { SessionsQuerySchema } from "@/lib/auth/schemas";
import { endAllUserSessions, listSessions } from "@/lib/auth/sessions";
import { parseQuery } from "@/lib/http/body";
import { json, noContent } from "@/lib/http/response";
import { route } from "@/lib/http/route";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  const { include } = parseQuery(SessionsQuerySchema, request);
  const sessions = await listSessions(user.id, user.sessionId, { includeEnded: include === "ended" });
  return json({ sessions });
});

// TEMPORARY (branch pages only, drop when main's DELETE ?except=current lands): the
// browser's "sign out other devices" is one call. Otherwise: log out everywhere, this
// device included.
export const DELETE = route(async (request) => {
  const user = await requireUser(request);
  if (new URL(request.url).searchParams.get("except") === "current") {
    await endAllUserSessions(user.id, "revoked", { except: user.sessionId });
    return noContent(new Headers());
  }
  await endAllUserSessions(user.id, "logout_everywhere");
  const headers = new Headers();
  clearAuthCookies(request, headers);
  return noContent(headers);
});
