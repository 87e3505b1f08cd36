"use client";
import { useState } from "react";
import { describeError } from "@/lib/client/describe-error";
import { signOut } from "../sign-out";
import { Button } from "@/app/_components/button";
import styles from "./account.module.css";

type SessionActionsProps = {
  hasOthers: boolean;
  onEndOthers: () => Promise<void>;
  onError: (message: string) => void;
};

export function SessionActions({ hasOthers, onEndOthers, onError }: SessionActionsProps) {
  const [busy, setBusy] = useState<string | null>(null);

  // Signing out this device or everywhere leaves the page: the button keeps saying so.
  async function act(name: string, action: () => Promise<void>, leavesPage: boolean) {
    if (busy) return;
    setBusy(name);
    try {
      await action();
      if (!leavesPage) setBusy(null);
    } catch (error) {
      setBusy(null);
      onError(describeError(error));
    }
  }

  return (
    <div className={styles.actions}>
      <Button busy={busy !== null} onClick={() => act("this", () => signOut("this-device"), true)}>
        {busy === "this" ? "Signing out…" : "Sign out this device"}
      </Button>
      {hasOthers ? (
        <Button busy={busy !== null} onClick={() => act("others", onEndOthers, false)}>
          {busy === "others" ? "Signing out others…" : "Sign out other devices"}
        </Button>
      ) : null}
      <Button busy={busy !== null} onClick={() => act("all", () => signOut("everywhere"), true)}>
        {busy === "all" ? "Signing out everywhere…" : "Sign out everywhere"}
      </Button>
    </div>
  );
}
