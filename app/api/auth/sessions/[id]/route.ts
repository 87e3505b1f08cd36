import * as operations from "@/lib/api/operations/sessions";
import { clearAuthCookies } from "@/lib/auth/identity/cookies";
import { endUserSession } from "@/lib/auth/sessions/sessions";
import { HttpError } from "@/lib/http/problem";
import { route } from "@/lib/api/route";

export const DELETE = route(operations.endSession, async ({ request, user, params, headers }) => {
  const current = params.id === user.sessionId;
  if (!(await endUserSession(user.id, params.id, current ? "logout" : "revoked"))) {
    throw new HttpError(404, { code: "not_found", detail: "You have no active session with this id." });
  }
  if (current) clearAuthCookies(request, headers);
});
