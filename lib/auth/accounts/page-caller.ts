// Who is looking at a server-rendered page: the same getCaller() as a route handler
// (token, then the revocation view), then the account's public fields. Wrapped in React's
// cache() so a layout and its page share one lookup per request.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCaller } from "@/lib/auth/identity/caller";
import { describeRequest } from "@/lib/auth/identity/request-context";
import { findUserById } from "@/lib/auth/accounts/users";
import type { User } from "@/lib/auth/responses";

/** The signed-in account as a page shows it, and the session the page was asked in. */
export type PageCaller = { user: User; sessionId: string };

/** The signed-in account and session, or null (no cookie, a bad or expired token, an ended session). */
export const getPageCaller = cache(async (): Promise<PageCaller | null> => {
  const caller = await getCaller(describeRequest({ headers: await headers() }));
  if (!caller) return null;
  const user = await findUserById(caller.id);
  return user ? { user, sessionId: caller.sessionId } : null;
});

/** The signed-in account and session; anyone else goes to the login page, to come back to `path`. */
export async function requirePageCaller(path: string): Promise<PageCaller> {
  const caller = await getPageCaller();
  if (!caller) redirect(`/login?next=${encodeURIComponent(path)}`);
  return caller;
}
