"use client";
import { useState } from "react";
import { signOut } from "./sign-out";
import { Button } from "@/app/_components/button";
import styles from "./site-header.module.css";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function handleClick() {
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
    <div className={styles.signOut}>
      <Button small onClick={handleClick} busy={busy}>
        {busy ? "Signing out…" : "Sign out"}
      </Button>
      <p role="alert" className={styles.signOutError}>
        {failed ? "Couldn't sign out. Check your connection and try again." : ""}
      </p>
    </div>
  );
}
