// The events of an account's own doings (or attempts: a failed sign-in), from the request
// that did them, and the glue that records them in the same transaction as the end of
// sessions they caused (the `AlongWith` of lib/auth/sessions/sessions.ts).
import "server-only";
import { recordEvent, requestOrigin } from "@/lib/audit/trail";
import type { AuditEventInput, AuditEventType, AuditOutcome } from "@/lib/audit/events";
import type { AlongWith } from "@/lib/auth/sessions/sessions";

/** Where a request came from; a RequestContext is one. */
export type Origin = { clientAddress: string; userAgent: string | null };

type More = { outcome?: AuditOutcome; sessionId?: string | null; details?: AuditEventInput["details"] };

/** An event of the account `userId` (null: an email with no account), done with its own credentials. */
export function accountEvent(type: AuditEventType, userId: string | null, origin: Origin, more: More = {}): AuditEventInput {
  return {
    type,
    outcome: more.outcome ?? "success",
    actor: { kind: "user", id: userId },
    targetId: userId,
    sessionId: more.sessionId ?? null,
    ...requestOrigin(origin),
    details: more.details ?? null,
  };
}

/** Records `event` with the end of sessions it caused, saying how many ended. */
export function recordWith(event: AuditEventInput): AlongWith {
  return (tx, ended) => recordEvent({ ...event, details: { ...event.details, sessions_ended: ended.length } }, tx);
}

/**
 * Records one event for the session that ended, when its owner was not known beforehand (a
 * logout by refresh token, a reused refresh token); nothing when no session ended.
 */
export function recordEnded(type: AuditEventType, origin: Origin, details?: AuditEventInput["details"]): AlongWith {
  return async (tx, ended) => {
    const [session] = ended;
    if (session) await recordEvent(accountEvent(type, session.userId, origin, { sessionId: session.id, details }), tx);
  };
}

/** Records an event on its own (a failed attempt: nothing else changed). */
export const recordAccountEvent = (type: AuditEventType, userId: string | null, origin: Origin, more: More = {}) =>
  recordEvent(accountEvent(type, userId, origin, more));
