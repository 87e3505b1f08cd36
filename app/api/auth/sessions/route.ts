import * as operations from "@/lib/api/operations/sessions";
import { endOwnSessions } from "@/lib/auth/accounts/sign-out";
import { clearAuthCookies } from "@/lib/auth/identity/token-delivery";
import { listSessions } from "@/lib/auth/sessions/sessions";
import { route } from "@/lib/api/route";

export const GET = route(operations.listSessions, async ({ caller, query }) => ({
  sessions: await listSessions(caller.id, caller.sessionId, { includeEnded: query.include === "ended" }),
}));

// Log out everywhere, this device included; or, with `except=current`, everywhere else.
export const DELETE = route(operations.endSessions, async ({ caller, query, context, headers }) => {
  if (query.except === "current") return endOwnSessions(caller, "others", context);
  await endOwnSessions(caller, "all", context);
  clearAuthCookies(context, headers);
});
