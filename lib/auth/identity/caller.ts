// Who is calling: the one authentication path of route handlers and server-rendered
// pages. The token is verified here (never trusting anything middleware might have added
// to the request), with the same step middleware runs on the edge, then its session is
// checked against this instance's revocation view (lib/auth/sessions/revocations.ts) and its memory
// of sessions it has seen live (lib/auth/sessions/live-sessions.ts): no database round trip for a
// live session seen before while the view is in sync, one primary-key read otherwise.
import "server-only";
import { HttpError } from "@/lib/http/problem";
import { unauthorized } from "@/lib/http/challenge";
import { readAccessCookie } from "@/lib/auth/identity/cookies";
import { assertSameOrigin } from "@/lib/auth/identity/csrf";
import { checkAccessToken, type AccessClaims, type Role } from "@/lib/auth/identity/jwt";
import { rememberLiveSession, seenLive } from "@/lib/auth/sessions/live-sessions";
import { revocationStatus } from "@/lib/auth/sessions/revocations";
import { isSessionLive } from "@/lib/auth/sessions/sessions";

export type CurrentUser = { id: string; sessionId: string; role: Role };

type Outcome =
  | { user: CurrentUser; source: "header" | "cookie" }
  | { reason: Parameters<typeof unauthorized>[0] };

// Revoked sessions are known from the view; live ones from having been seen here before.
// Anything else (a session this instance never saw, or saw too long ago) is read once.
async function isLive(claims: AccessClaims): Promise<boolean> {
  const status = revocationStatus(claims.sid);
  if (status === "revoked") return false;
  if (status === "live" && seenLive(claims.sid, claims.sub)) return true;
  const live = await isSessionLive(claims.sid, claims.sub);
  if (live) rememberLiveSession(claims.sid, claims.sub);
  return live;
}

async function identify(request: { headers: Headers }): Promise<Outcome> {
  const checked = await checkAccessToken(request.headers, readAccessCookie(request));
  if ("reason" in checked) return checked;
  const { claims } = checked;
  if (!(await isLive(claims))) return { reason: "session_revoked" };
  return { user: { id: claims.sub, sessionId: claims.sid, role: claims.role }, source: checked.source };
}

/** The caller, or null when the request carries no valid, live access token. */
export async function authenticate(request: { headers: Headers }): Promise<CurrentUser | null> {
  const outcome = await identify(request);
  return "user" in outcome ? outcome.user : null;
}

/** The caller, or a 401 (no, bad, expired or revoked token) / 403 (cross-site cookie use). */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const outcome = await identify(request);
  if ("reason" in outcome) throw unauthorized(outcome.reason);
  if (outcome.source === "cookie") assertSameOrigin(request);
  return outcome.user;
}

/** requireUser, with null instead of a 401 (a cross-site cookie is still a 403). */
export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  try {
    return await requireUser(request);
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return null;
    throw error;
  }
}
