// The caller ending their own sessions from the sessions list: one, the others, or all.
// Each end is recorded in the audit trail in the same transaction.
import "server-only";
import { accountEvent, recordWith, type Origin } from "@/lib/audit/account-events";
import { endAllUserSessions, endUserSession } from "@/lib/auth/sessions/sessions";
import type { Caller } from "@/lib/auth/identity/caller";

/** Every session but the caller's (`others`), or every one (`all`, a logout everywhere). */
export async function endOwnSessions(caller: Caller, which: "others" | "all", context: Origin): Promise<void> {
  const type = which === "all" ? "logout" : "session_ended";
  const alongWith = recordWith(accountEvent(type, caller.id, context, { sessionId: caller.sessionId, details: { which } }));
  if (which === "others") await endAllUserSessions(caller.id, "revoked", { except: caller.sessionId, alongWith });
  else await endAllUserSessions(caller.id, "logout_everywhere", { alongWith });
}

/** One of the caller's sessions (their own current one is a logout); false when none of theirs has that id. */
export async function endOwnSession(caller: Caller, sessionId: string, context: Origin): Promise<boolean> {
  const current = sessionId === caller.sessionId;
  const event = accountEvent(current ? "logout" : "session_ended", caller.id, context, {
    sessionId: caller.sessionId,
    details: { ended: sessionId },
  });
  return endUserSession(caller.id, sessionId, current ? "logout" : "revoked", recordWith(event));
}
