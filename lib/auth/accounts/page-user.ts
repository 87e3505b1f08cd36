// Who is looking at a server-rendered page: the same authenticate() as a route handler
// (token, then the revocation view), then the user's public fields. Wrapped in React's
// cache() so a layout and its page share one lookup per request.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authenticate } from "@/lib/auth/identity/caller";
import { findUserById } from "@/lib/auth/accounts/users";
import type { User } from "@/lib/auth/responses";

export type PageCaller = { user: User; sessionId: string };

/** The signed-in user and their session, or null (no cookie, a bad or expired token, an ended session). */
export const getPageCaller = cache(async (): Promise<PageCaller | null> => {
  const caller = await authenticate({ headers: await headers() });
  if (!caller) return null;
  const user = await findUserById(caller.id);
  return user ? { user, sessionId: caller.sessionId } : null;
});

/** The signed-in user, or null. */
export async function getPageUser(): Promise<User | null> {
  return (await getPageCaller())?.user ?? null;
}

/** The signed-in user and session; anyone else goes to the login page, to come back to `path`. */
export async function requirePageCaller(path: string): Promise<PageCaller> {
  const caller = await getPageCaller();
  if (!caller) redirect(`/login?next=${encodeURIComponent(path)}`);
  return caller;
}

/** The signed-in user; anyone else goes to the login page, to come back to `path`. */
export async function requirePageUser(path: string): Promise<User> {
  return (await requirePageCaller(path)).user;
}
