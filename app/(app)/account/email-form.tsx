"use client";
// Changing the address: the password proves it is the owner asking, and a link mailed to
// the new address proves they read mail there. Until it is followed the old address stays
// the account's, so the page shows the change as waiting.
import { useState } from "react";
import { api } from "@/lib/client/api";
import { EmailChangeSchema } from "@/lib/auth/schemas";
import { Field } from "@/app/_components/field";
import { PasswordField } from "@/app/_components/password-field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import styles from "./account.module.css";

type EmailFormProps = { email: string; initialPending: string | null };

export function EmailForm({ email, initialPending }: EmailFormProps) {
  const [pending, setPending] = useState(initialPending);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, errors, formError, formRef, alertRef, handleSubmit, handleInput } = useFormSubmit({
    schema: EmailChangeSchema,
    send: (input) => {
      setSentTo(null);
      return api("/api/auth/email", { method: "POST", body: input }).then(() => input.new_email);
    },
    onSuccess: (newEmail, element) => {
      element.reset();
      setSentTo(newEmail);
      setPending(newEmail);
    },
    fieldForCode: {
      // 403 invalid_credentials: the password was mistyped (the caller is still signed in).
      invalid_credentials: { field: "password", message: "That isn't your current password." },
      email_taken: { field: "new_email", message: "Another account uses this address. Choose another one." },
    },
  });

  return (
    <section className={`card ${styles.section}`} aria-labelledby="email-heading">
      <h2 id="email-heading">Change email</h2>
      <p className="muted">
        Your address is <strong className={styles.address}>{email}</strong>. A new one takes over once you follow the link
        we mail to it.
      </p>
      {pending && !sentTo ? (
        <p className={styles.pending}>
          Waiting for confirmation: <strong className={styles.address}>{pending}</strong>. Follow the link we sent there.
        </p>
      ) : null}
      <FormAlert message={formError} title="Couldn't change your email" alertRef={alertRef} />
      <FormAlert tone="success" message={sentTo ? `Confirm the change from the link we sent to ${sentTo}.` : null} />
      <form ref={formRef} className={styles.form} onSubmit={handleSubmit} onInput={handleInput} noValidate>
        <Field
          label="New email"
          name="new_email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          error={errors.new_email}
        />
        <PasswordField label="Current password" name="password" autoComplete="current-password" error={errors.password} />
        <div>
          <SubmitButton busy={busy} busyLabel="Sending the link…">
            Change email
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
