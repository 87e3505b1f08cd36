"use client";
// A real form, so Sign out works before the page's scripts have loaded (or without
// them): the browser posts it to the logout endpoint itself. Once hydrated, the submit
// is taken over to call the same endpoint with fetch, which can say when it failed.
import { useState, type FormEvent } from "react";
import { auth } from "@/lib/api/endpoints";
import { endpointPath } from "@/lib/api/endpoint";
import { Button } from "@/app/_components/button";
import { signOut } from "./sign-out";
import styles from "./site-header.module.css";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await signOut("this-device");
    } catch {
      setBusy(false);
      setFailed(true);
    }
  }

  return (
    <form method={auth.logOut.method} action={endpointPath(auth.logOut)} className={styles.signOut} onSubmit={(event) => void handleSubmit(event)}>
      <Button type="submit" small busy={busy}>
        {busy ? "Signing out…" : "Sign out"}
      </Button>
      <p role="alert" className={styles.signOutError}>
        {failed ? "Couldn't sign out. Check your connection and try again." : ""}
      </p>
    </form>
  );
}
