"use client";
// The token of a mailed link (`/reset-password#token=…`). It rides in the fragment so
// that no server log or Referer ever holds it (README: Account recovery and email);
// only this page's script reads it. Then it leaves the address bar, so it
// stays out of the history, a bookmark or a shared screenshot.
import { useEffect, useRef, useState } from "react";

/** undefined until read (the server's render and hydration); then the token, or null. */
export function useLinkToken(): string | null | undefined {
  // A ref, so Strict Mode's second effect run finds what the first took out of the URL.
  const read = useRef<string | null | undefined>(undefined);
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const take = () => {
      const fromUrl = new URLSearchParams(window.location.hash.slice(1)).get("token");
      if (window.location.hash) {
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
      }
      return fromUrl || null;
    };
    read.current ??= take();
    setToken(read.current);
    // Another link opened while the page is open changes only the fragment: the same
    // document, no new load, so the page takes that token too.
    const onHashChange = () => {
      const next = take();
      if (next) setToken((read.current = next));
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  return token;
}
