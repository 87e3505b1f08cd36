import * as operations from "@/lib/api/operations/sessions";
import { clearAuthCookies } from "@/lib/auth/identity/cookies";
import { endAllUserSessions, listSessions } from "@/lib/auth/sessions/sessions";
import { route } from "@/lib/api/route";

export const GET = route(operations.listSessions, async ({ user, query }) => ({
  sessions: await listSessions(user.id, user.sessionId, { includeEnded: query.include === "ended" }),
}));

// Log out everywhere, this device included; or, with `except=current`, everywhere else.
export const DELETE = route(operations.endSessions, async ({ request, user, query, headers }) => {
  if (query.except === "current") {
    await endAllUserSessions(user.id, "revoked", { except: user.sessionId });
    return;
  }
  await endAllUserSessions(user.id, "logout_everywhere");
  clearAuthCookies(request, headers);
});
