"use client";
// A confirmation link works only in a session of the account it belongs to (docs/decisions/0027).
// Signed out, or signed in as another account, the way on is to sign in as the right one;
// the token waits in this tab (stored-link-token.ts) and the login page comes back here.
import Link from "next/link";
import { useState } from "react";
import { auth } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { Button, buttonClass } from "@/app/_components/button";
import { LinkCard } from "../link-problem";
import styles from "../auth.module.css";

const SIGN_IN_AND_RETURN = `/login?next=${encodeURIComponent("/verify-email")}`;

export function SignInFirst() {
  return (
    <LinkCard focusHeading={false} title="Sign in to confirm your email address">
      <p>This link works only for the account it was sent for. Sign in to that account, and you&apos;ll come back here to confirm.</p>
      <p className="muted">
        Didn&apos;t sign up, or ask to change your address, with this email? Then ignore the link: nothing happens without
        signing in.
      </p>
      <p>
        <Link href={SIGN_IN_AND_RETURN} className={buttonClass({ variant: "primary", full: true })}>
          Sign in
        </Link>
      </p>
    </LinkCard>
  );
}

export function WrongAccount({ email }: { email: string }) {
  return (
    <LinkCard title="This link is for another account">
      <p>
        You&apos;re signed in as <strong className={styles.address}>{email}</strong>, but this link belongs to another
        account: the one that signed up with the address it came to, or asked to change to it.
      </p>
      <p>Sign out, then sign in to that account, and you&apos;ll come back here to confirm.</p>
      <SwitchAccount />
    </LinkCard>
  );
}

/** Signs out (a full load follows), then the login page, which comes back to /verify-email. */
export function SwitchAccount({ variant = "primary" }: { variant?: "primary" | "plain" }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function switchAccount() {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await call(auth.logOut);
      // A full load, as every sign-out (app/(app)/sign-out.ts): no data of this account stays in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load, on purpose
      window.location.assign(SIGN_IN_AND_RETURN);
    } catch {
      setBusy(false);
      setFailed(true);
    }
  }

  return (
    <div>
      <Button variant={variant} full busy={busy} onClick={() => void switchAccount()}>
        {busy ? "Signing out…" : "Sign out and switch account"}
      </Button>
      <p role="alert" className={failed ? "field-error" : undefined}>
        {failed ? "Couldn't sign out. Check your connection and try again." : ""}
      </p>
    </div>
  );
}
