// Who is looking at a server-rendered page. Pages read data through the REST API, but
// the header, the / redirect and the admin page's "not allowed" decision need the user
// while rendering: the same checks a route handler makes (verify the access cookie,
// check its session is live), then the user's public fields. Wrapped in React's cache()
// so a layout and its page share one database lookup per request.
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ACCESS_COOKIE, TokenError, verifyAccessToken } from "@/lib/auth/jwt";
import { isSessionLive } from "@/lib/auth/sessions";
import { findUserById } from "@/lib/auth/users";
import type { User } from "@/lib/auth/schemas";

/** The signed-in user, or null (no cookie, a bad or expired token, an ended session). */
export const getPageUser = cache(async (): Promise<User | null> => {
  const token = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!token) return null;
  let claims;
  try {
    claims = await verifyAccessToken(token);
  } catch (error) {
    // A bad token means "signed out"; anything else (the database) is a real failure.
    if (error instanceof TokenError) return null;
    throw error;
  }
  if (!(await isSessionLive(claims.sid, claims.sub))) return null;
  return findUserById(claims.sub);
});

/** The signed-in user; anyone else goes to the login page, to come back to `path`. */
export async function requirePageUser(path: string): Promise<User> {
  const user = await getPageUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  return user;
}

/**
 * The signed-in user and the session they are signed in with, for a page that shows
 * "this device". getPageUser has just verified the token and found that session live;
 * its `sid` is read by verifying the token once more (no database). A token that expired
 * in between goes to the login page, as it would have a moment later.
 */
export async function requirePageCaller(path: string): Promise<{ user: User; sessionId: string }> {
  const user = await requirePageUser(path);
  const token = (await cookies()).get(ACCESS_COOKIE)?.value ?? "";
  const claims = await verifyAccessToken(token).catch(() => null);
  if (claims?.sub !== user.id) redirect(`/login?next=${encodeURIComponent(path)}`);
  return { user, sessionId: claims.sid };
}
