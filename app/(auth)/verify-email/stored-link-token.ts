"use client";
// The confirmation link's token, kept in this tab's sessionStorage as well: confirming
// needs the account's session (docs/decisions/0027), and the way there (signing in, or
// signing out of another account first) leaves this page and loses the fragment. The
// login page comes back to /verify-email (`?next=`), and the token is here still.
import { useEffect, useMemo } from "react";
import { useLinkToken } from "../use-link-token";

const KEY = "verify-email-token";

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (a privacy setting): the link then works only if already signed in.
    return null;
  }
}

/** undefined until read; then the token from the link, or the one kept before signing in, or null. */
export function useStoredLinkToken(): string | null | undefined {
  const fromLink = useLinkToken();
  useEffect(() => {
    if (fromLink) storage()?.setItem(KEY, fromLink);
  }, [fromLink]);
  // Read once per link: forgetting the token after it was used must not take it off the page.
  return useMemo(() => (fromLink === undefined ? undefined : (fromLink ?? storage()?.getItem(KEY) ?? null)), [fromLink]);
}

/** Once the link has done its work (or cannot), nothing should bring it back. */
export function forgetStoredLinkToken(): void {
  storage()?.removeItem(KEY);
}
