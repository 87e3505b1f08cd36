"use client";
// The way to a fresh proof for now: sign this session out and sign in again, coming back
// to this page. The login page would send a signed-in visitor straight on, so this
// session ends first.
import { useState } from "react";
import { auth } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { Button } from "@/app/_components/button";

export function SignInAgain() {
  const [busy, setBusy] = useState(false);
  async function go() {
    if (busy) return;
    setBusy(true);
    // Logout is public and idempotent: it answers 204 even for a session that is gone.
    await call(auth.logOut).catch(() => undefined);
    const here = window.location.pathname + window.location.search;
    // A full load, as every sign-out here does: nothing of this session stays in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/login?next=${encodeURIComponent(here)}&reason=confirm-it-is-you`);
  }
  return (
    <Button small onClick={() => void go()} busy={busy}>
      {busy ? "Signing out…" : "Sign in again"}
    </Button>
  );
}
