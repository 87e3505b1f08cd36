import * as operations from "@/lib/api/operations/sessions";
import { endOwnSession } from "@/lib/auth/accounts/sign-out";
import { clearAuthCookies } from "@/lib/auth/identity/token-delivery";
import { HttpError } from "@/lib/http/problem";
import { route } from "@/lib/api/route";

export const DELETE = route(operations.endSession, async ({ caller, params, context, headers }) => {
  if (!(await endOwnSession(caller, params.id, context))) {
    throw new HttpError(404, { code: "not_found", detail: "You have no active session with this id." });
  }
  if (params.id === caller.sessionId) clearAuthCookies(context, headers);
});
