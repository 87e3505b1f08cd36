"use client";
// Signing out ends with a full page load of /login: it drops every piece of the
// previous user's data held in memory, and the router's cache with it. A failure
// (offline, server trouble) is thrown to the caller to show: claiming "signed out"
// while the cookies still work would be a lie.
import { auth, sessions } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";

type Scope = "this-device" | "everywhere";

export async function signOut(scope: Scope): Promise<void> {
  if (scope === "everywhere") await call(sessions.endSessions);
  // Logout is public and idempotent: no refresh dance, and 204 even for an ended session.
  else await call(auth.logOut);
  const reason = scope === "everywhere" ? "signed-out-everywhere" : "signed-out";
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load, on purpose (see above)
  window.location.assign(`/login?reason=${reason}`);
}
