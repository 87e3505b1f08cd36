// Who is calling: the one authentication path of route handlers and server-rendered
// pages. The token is verified here (never trusting anything middleware might have added
// to the request), with the same step middleware runs on the edge, then its session is
// checked against this instance's revocation view (lib/auth/sessions/revocation-view.ts)
// and its memory of sessions it has seen live (lib/auth/sessions/live-sessions.ts): no
// database round trip for a live session seen before while the view is in sync, one
// primary-key read otherwise.
import "server-only";
import { unauthorized } from "@/lib/http/challenge";
import { assertSameOrigin, type RequestContext } from "@/lib/auth/identity/request-context";
import { checkAccessToken, type AccessClaims, type Role } from "@/lib/auth/identity/jwt";
// Registers this instance's key set: tokens verify against it, loaded, not read per request.
import "@/lib/auth/identity/signing-keys";
import { rememberLiveSession, seenLive } from "@/lib/auth/sessions/live-sessions";
import { revocations } from "@/lib/auth/sessions/revocation-view";
import { isSessionLive } from "@/lib/auth/sessions/sessions";

/** The signed-in account behind a request: its id, the session its token names, the token's role. */
export type Caller = { id: string; sessionId: string; role: Role };

type Outcome = { caller: Caller; source: "header" | "cookie" } | { reason: Parameters<typeof unauthorized>[0] };

// Revoked sessions are known from the view; live ones from having been seen here before.
// Anything else (a session this instance never saw, or saw too long ago) is read once.
async function isLive(claims: AccessClaims): Promise<boolean> {
  const status = revocations.status(claims.sid);
  if (status === "revoked") return false;
  if (status === "live" && seenLive(claims.sid, claims.sub)) return true;
  const live = await isSessionLive(claims.sid, claims.sub);
  if (live) rememberLiveSession(claims.sid, claims.sub);
  return live;
}

async function identify(context: RequestContext): Promise<Outcome> {
  const checked = await checkAccessToken(context.headers, context.cookies.access);
  if ("reason" in checked) return checked;
  const { claims } = checked;
  if (!(await isLive(claims))) return { reason: "session_revoked" };
  return { caller: { id: claims.sub, sessionId: claims.sid, role: claims.role }, source: checked.source };
}

/**
 * The caller, or null when the request carries no valid, live access token. A change
 * sent from another site with the access cookie is still a 403, never taken as anonymous.
 */
export async function getCaller(context: RequestContext): Promise<Caller | null> {
  const outcome = await identify(context);
  if ("reason" in outcome) return null;
  if (outcome.source === "cookie") assertSameOrigin(context);
  return outcome.caller;
}

/** The caller, or a 401 (no, bad, expired or revoked token) / 403 (cross-site cookie use). */
export async function requireCaller(context: RequestContext): Promise<Caller> {
  const outcome = await identify(context);
  if ("reason" in outcome) throw unauthorized(outcome.reason);
  if (outcome.source === "cookie") assertSameOrigin(context);
  return outcome.caller;
}
