"use client";
// Signing in (or resuming a session) ends with a full page load of `next`, not a router
// navigation: the router may hold what it fetched while signed out (a prefetched page,
// or middleware's redirect to /login), and following that would lead straight back here.
// `replace`, so Back does not return to the sign-in form.
export function goTo(next: string): void {
  window.location.replace(next);
}
