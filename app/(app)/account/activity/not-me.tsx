"use client";
// "This wasn't me": for an event the owner does not recognise. After a confirmation it
// ends every session of the account, this one too (DELETE /api/auth/sessions), and mails
// a password reset link to the account's address (POST /api/auth/password/forgot), then
// goes to the login page, which says what was done. Sessions end first: shutting out
// whoever is in matters most, and the reset request needs no session.
import { useRef, useState } from "react";
import { recovery, sessions } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { describeError } from "@/lib/client/describe-error";
import { Button } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { FormAlert } from "@/app/_components/form-alert";
import styles from "./activity.module.css";

export function NotMe({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<"idle" | "working" | "leaving">("idle");
  const [error, setError] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  async function secure() {
    if (status !== "idle") return;
    setStatus("working");
    setError(null);
    try {
      await call(sessions.endSessions);
    } catch (failure) {
      setStatus("idle");
      setError(describeError(failure));
      alertRef.current?.focus();
      return;
    }
    // Signed out now: whatever happens to the mail, the next page is the login page.
    setStatus("leaving");
    const mailed = await call(recovery.forgotPassword, { body: { email } }).then(
      () => true,
      () => false,
    );
    // A full load: nothing of the account may stay in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/login?reason=${mailed ? "not-me" : "not-me-no-mail"}`);
  }

  return (
    <section className={`card ${styles.section} ${styles.notMe}`} aria-labelledby="not-me-heading">
      <h2 id="not-me-heading">Something you don&apos;t recognise?</h2>
      <p>
        If a sign-in or a change below wasn&apos;t you, sign everyone out of your account and choose a new password. We&apos;ll email the
        link for it to {email}.
      </p>
      <div>
        <Button variant="danger" onClick={() => setOpen(true)}>
          This wasn&apos;t me…
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title="Secure your account?"
        description={
          <>
            <p>
              Every session of your account ends now, on every device, this one included: anyone else using it is shut out at once.
            </p>
            <p>
              Then a link to choose a new password is emailed to <strong>{email}</strong>, and you land on the sign-in page. Until you
              reset it, the old password still works, so reset it as soon as the mail arrives.
            </p>
          </>
        }
        onCancel={() => {
          if (status === "idle") setOpen(false);
        }}
      >
        <FormAlert message={error} title="Couldn't sign everyone out" alertRef={alertRef} />
        <p className={styles.progress} role="status">
          {status === "working" ? "Signing out every device…" : status === "leaving" ? "Signed out everywhere. Sending the reset link…" : ""}
        </p>
        <div className={styles.actions}>
          <Button variant="danger" busy={status !== "idle"} onClick={() => void secure()}>
            {status === "idle" ? "Sign out everywhere and email me a reset link" : "Working…"}
          </Button>
          <Button onClick={() => status === "idle" && setOpen(false)} busy={status !== "idle"} data-autofocus>
            Cancel
          </Button>
        </div>
      </ConfirmDialog>
    </section>
  );
}
