import * as operations from "@/lib/api/operations/sessions";
import { clearAuthCookies } from "@/lib/auth/identity/token-delivery";
import { endUserSession } from "@/lib/auth/sessions/sessions";
import { HttpError } from "@/lib/http/problem";
import { route } from "@/lib/api/route";

export const DELETE = route(operations.endSession, async ({ caller, params, context, headers }) => {
  const current = params.id === caller.sessionId;
  if (!(await endUserSession(caller.id, params.id, current ? "logout" : "revoked"))) {
    throw new HttpError(404, { code: "not_found", detail: "You have no active session with this id." });
  }
  if (current) clearAuthCookies(context, headers);
});
