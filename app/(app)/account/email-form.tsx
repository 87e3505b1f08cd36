"use client";
// Changing the address: the password proves it is the owner asking, and a link mailed to
// the new address proves they read mail there. Until it is followed the old address stays
// the account's, so the page shows the change as waiting.
import { useState } from "react";
import { recovery } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { EmailChangeSchema } from "@/lib/auth/schemas";
import { EmailField } from "@/app/_components/email-field";
import { Form } from "@/app/_components/form";
import { PasswordField } from "@/app/_components/password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useStatus } from "@/app/_components/status-message";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import styles from "./account.module.css";

type EmailFormProps = { email: string; initialPending: string | null };

export function EmailForm({ email, initialPending }: EmailFormProps) {
  const [pending, setPending] = useState(initialPending);
  const status = useStatus();
  const form = useFormSubmit({
    schema: EmailChangeSchema,
    send: (input) => {
      status.clear();
      return call(recovery.changeEmail, { body: input }).then(() => input.new_email);
    },
    onSuccess: (newEmail, element) => {
      element.reset();
      status.show(`Confirm the change from the link we sent to ${newEmail}.`);
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
      {pending ? (
        <p className={styles.pending}>
          Waiting for confirmation: <strong className={styles.address}>{pending}</strong>. Follow the link we sent there.
        </p>
      ) : null}
      <Form
        form={form}
        failure="Couldn't change your email"
        className={styles.form}
      >
        <EmailField label="New email" name="new_email" error={form.errors.new_email} />
        <PasswordField label="Current password" name="password" autoComplete="current-password" error={form.errors.password} />
        <div>
          <SubmitButton busy={form.busy} busyLabel="Sending the link…">
            Change email
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
