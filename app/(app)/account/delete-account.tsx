"use client";
// Deleting the account takes two deliberate steps: open the form, then confirm with
// the password. Focus follows: into the password field on open, back to the opener on cancel.
import { useEffect, useRef, useState } from "react";
import { auth } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { AccountDeleteSchema } from "@/lib/auth/schemas";
import { PasswordField } from "@/app/_components/password-field";
import { Form } from "@/app/_components/form";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { Button } from "@/app/_components/button";
import styles from "./account.module.css";

export function DeleteAccount() {
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);
  const form = useFormSubmit({
    schema: AccountDeleteSchema,
    send: (input) => call(auth.deleteMe, { body: input }),
    onSuccess: () => {
      setLeaving(true);
      // A full load, not the router: nothing of the deleted account may stay in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/login?reason=account-deleted");
    },
    fieldForCode: { invalid_credentials: { field: "password", message: "That password isn't right." } },
  });

  useEffect(() => {
    if (open) passwordRef.current?.focus();
    else if (wasOpen.current) openerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <section className={`card ${styles.section} ${styles.danger}`} aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete account</h2>
      <p className="muted">This deletes your account and every item in it, and signs you out everywhere. It can&apos;t be undone.</p>
      {open ? (
        <Form form={form} failure="Couldn't delete your account" alertsInside className={styles.form}>
          <PasswordField
            label="Your password, to confirm"
            name="password"
            autoComplete="current-password"
            inputRef={passwordRef}
            error={form.errors.password}
          />
          <div className={styles.actions}>
            <SubmitButton busy={form.busy || leaving} busyLabel="Deleting…" variant="danger">
              Delete my account
            </SubmitButton>
            <Button onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </Form>
      ) : (
        <div>
          <Button ref={openerRef} onClick={() => setOpen(true)}>
            Delete account…
          </Button>
        </div>
      )}
    </section>
  );
}
