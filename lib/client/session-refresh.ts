// Keeping the browser's access cookie fresh. The server rotates the refresh token on every
// use, so a refresh is shared: by every caller in a tab (one promise in flight) and by
// every tab of the browser (a Web Lock, where the browser has them). Inside the lock a tab
// first reads when the last refresh succeeded, from localStorage, which all tabs share:
// if another tab refreshed after this one decided to, the cookies are already new and a
// second refresh would only churn through the reuse grace window.
//
// The access token's expiry is known from the grants themselves: signup, login and
// refresh answer `expires_in` (RFC 6749 §5.1) beside cookies that scripts cannot read, so
// the token itself is never stored. A request made shortly before that time refreshes
// first, instead of being refused with 401 and sent again.
//
// A signed-out page sends no refresh: the one that would, the login page's silent check,
// runs only when the page's server saw the session hint (app/(auth)/login/page.tsx).

import { endpointPath } from "@/lib/api/endpoint";
import { auth } from "@/lib/api/endpoints";

const REFRESHED_AT = "jwt-items:refreshed-at";
const REFRESH_AFTER = "jwt-items:refresh-after";
const LOCK = "jwt-items:refresh";
// Refresh ahead by a fifth of the token's life, at most 30 seconds: enough for a slow
// request to arrive in time, and never so early that a short-lived token refreshes at once.
const AHEAD_SHARE = 0.2;
const MAX_AHEAD_MS = 30_000;

let inflight: Promise<boolean> | null = null;
// This tab's own last success, for when localStorage is out of reach.
let lastRefreshAt = 0;

/** Trades the refresh cookie for fresh cookies, at most once at a time across tabs. */
export function refreshSession(): Promise<boolean> {
  const decidedAt = Date.now();
  inflight ??= refreshOnce(decidedAt).finally(() => {
    inflight = null;
  });
  return inflight;
}

/** True when a refresh succeeded (in any tab) after `time`: a 401 from before it just needs a retry. */
export function refreshedSince(time: number): boolean {
  return Math.max(lastRefreshAt, readTime(REFRESHED_AT)) > time;
}

/** Refreshes first when the access token is known to expire within moments. */
export async function refreshIfExpiring(): Promise<void> {
  const due = readTime(REFRESH_AFTER);
  if (due > 0 && Date.now() >= due) await refreshSession();
}

/** Records when a grant just received (`expires_in` seconds) should be refreshed. */
export function noteGrant(expiresIn: number): void {
  const lifetimeMs = expiresIn * 1000;
  writeTime(REFRESH_AFTER, Date.now() + lifetimeMs - Math.min(MAX_AHEAD_MS, lifetimeMs * AHEAD_SHARE));
}

async function refreshOnce(decidedAt: number): Promise<boolean> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  // Without Web Locks (an old browser, an insecure origin) tabs may each refresh; the
  // server's reuse grace window gives them the same successor.
  if (!locks) return postRefresh();
  const here = await locks.request(LOCK, { ifAvailable: true }, (lock) => {
    if (lock === null) return null;
    return refreshedSince(decidedAt) ? true : postRefresh();
  });
  if (here !== null) return here;
  // Another tab holds the lock: it is refreshing now, and its new cookies are this tab's
  // too. Wait for it and use them. Its note in localStorage may reach this tab a moment
  // after the lock does (browsers sync storage between tabs asynchronously), so waiting
  // is the answer here; should its refresh have failed, the retried request says so.
  return locks.request(LOCK, () => true);
}

async function postRefresh(): Promise<boolean> {
  try {
    // Not through lib/client/api.ts, which refreshes through this module.
    const response = await fetch(endpointPath(auth.refreshTokens), {
      method: auth.refreshTokens.method,
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
    if (!response.ok) {
      // Nothing to refresh ahead of any more: the next request finds out with a 401.
      forget(REFRESH_AFTER);
      return false;
    }
    lastRefreshAt = Date.now();
    writeTime(REFRESHED_AT, lastRefreshAt);
    const body = (await response.json().catch(() => null)) as { expires_in?: unknown } | null;
    if (typeof body?.expires_in === "number") noteGrant(body.expires_in);
    return true;
  } catch {
    return false;
  }
}

// localStorage can be missing or throw (storage disabled, a sandboxed frame): then every
// tab refreshes on its own, on 401, as before.
function readTime(key: string): number {
  try {
    const value = Number(window.localStorage.getItem(key));
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

function writeTime(key: string, time: number): void {
  try {
    window.localStorage.setItem(key, String(Math.round(time)));
  } catch {
    // See readTime.
  }
}

function forget(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // See readTime.
  }
}
