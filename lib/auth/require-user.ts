// Who is calling. Route handlers verify the access token themselves (never trusting
// anything middleware might have added to the request) and check that its session is
// still live, so revocation takes effect at the next request.
import { HttpError } from "@/lib/http";
import { unauthorized } from "@/lib/auth/challenge";
import { ACCESS_COOKIE, readCookie } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { readAccessToken, TokenError, verifyAccessToken, type Role } from "@/lib/auth/jwt";
import { isSessionLive } from "@/lib/auth/sessions";

export type CurrentUser = { id: string; sessionId: string; role: Role };

/** The caller, or null when the request carries no valid, live access token. */
export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  try {
    return await requireUser(request);
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return null;
    throw error;
  }
}

/** The caller, or a 401 (no, bad, expired or revoked token) / 403 (cross-site cookie use). */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const presented = readAccessToken(request.headers, readCookie(request, ACCESS_COOKIE));
  if (!presented) throw unauthorized("authentication_required");
  let claims;
  try {
    claims = await verifyAccessToken(presented.token);
  } catch (error) {
    if (error instanceof TokenError) throw unauthorized(error.code);
    throw error;
  }
  if (presented.source === "cookie") assertSameOrigin(request);
  if (!(await isSessionLive(claims.sid, claims.sub))) throw unauthorized("session_revoked");
  return { id: claims.sub, sessionId: claims.sid, role: claims.role };
}

export async function requireAdmin(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (user.role !== "admin") {
    throw new HttpError(403, { code: "admin_required", detail: "Only administrators may see this." });
  }
  return user;
}
