"use client";
// Signing in with a passkey: a button that opens the browser's passkey dialog, and, where
// the browser supports conditional mediation, the passkeys offered among the email field's
// suggestions (autocomplete="username webauthn"), waiting from the moment the form shows.
import { useEffect, useState, useSyncExternalStore } from "react";
import { describeError } from "@/lib/client/describe-error";
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  cancelPasskeyRequest,
  describePasskeyError,
  signInWithPasskeyHere,
} from "@/lib/client/passkeys";
import { Button } from "@/app/_components/button";
import { FormAlert } from "@/app/_components/form-alert";
import { goTo } from "../navigate";
import styles from "../auth.module.css";

const neverChanges = () => () => {};

export function PasskeySignIn({ next }: { next: string }) {
  // Known only in the browser: the server renders no button.
  const supported = useSyncExternalStore(neverChanges, browserSupportsWebAuthn, () => false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void browserSupportsWebAuthnAutofill().then((autofill) => {
      if (!autofill || !live) return;
      signInWithPasskeyHere({ autofill: true }).then(
        () => goTo(next),
        // The browser's own failures (cancelled when the button's dialog takes over, no
        // passkey here) are not news to a person who did not ask; the server's refusal is.
        (failure: unknown) => live && describePasskeyError(failure) === null && setError(describeError(failure)),
      );
    });
    return () => {
      live = false;
      cancelPasskeyRequest();
    };
  }, [next]);

  async function signIn() {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      await signInWithPasskeyHere();
      goTo(next);
    } catch (failure) {
      setBusy(false);
      setError(describePasskeyError(failure) ?? describeError(failure));
    }
  }

  if (!supported) return null;
  return (
    <div className={styles.form}>
      <FormAlert message={error} title="Couldn't sign you in with a passkey" />
      <Button full busy={busy} onClick={signIn}>
        {busy ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
    </div>
  );
}
