"use client";
// Deleting the account takes two deliberate steps: open the form, then confirm with
// the password. Focus follows: into the password field on open, back to the opener on cancel.
import { useEffect, useRef, useState } from "react";
import { api } from "@/lib/client/api";
import { AccountDeleteSchema } from "@/lib/auth/schemas";
import { PasswordField } from "@/app/_components/password-field";
import { FormAlert } from "@/app/_components/form-alert";
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
  const { busy, errors, formError, formRef, alertRef, handleSubmit, handleInput } = useFormSubmit({
    schema: AccountDeleteSchema,
    send: (input) => api("/api/auth/me", { method: "DELETE", body: input }),
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
        <form ref={formRef} className={styles.form} onSubmit={handleSubmit} onInput={handleInput} noValidate>
          <FormAlert message={formError} title="Couldn't delete your account" alertRef={alertRef} />
          <PasswordField
            label="Your password, to confirm"
            name="password"
            autoComplete="current-password"
            inputRef={passwordRef}
            error={errors.password}
          />
          <div className={styles.actions}>
            <SubmitButton busy={busy || leaving} busyLabel="Deleting…" variant="danger">
              Delete my account
            </SubmitButton>
            <Button onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button ref={openerRef}  onClick={() => setOpen(true)}>
            Delete account…
          </Button>
        </div>
      )}
    </section>
  );
}
