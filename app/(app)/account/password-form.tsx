"use client";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { PasswordChangeSchema } from "@/lib/auth/schemas";
import { PasswordField } from "@/app/_components/password-field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import styles from "./account.module.css";

export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const [done, setDone] = useState(false);
  const { busy, errors, formError, formRef, alertRef, handleSubmit, handleInput } = useFormSubmit({
    schema: PasswordChangeSchema,
    send: (input) => {
      setDone(false);
      return api("/api/auth/password", { method: "POST", body: input });
    },
    onSuccess: (_result, element) => {
      element.reset();
      setDone(true);
      onChanged();
    },
    // 403 invalid_credentials here means the current password was mistyped.
    fieldForCode: { invalid_credentials: { field: "current_password", message: "That isn't your current password." } },
  });

  return (
    <section className={`card ${styles.section}`} aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <p className="muted">Changing it signs you out on your other devices; this one stays signed in.</p>
      <FormAlert message={formError} title="Couldn't change your password" alertRef={alertRef} />
      <FormAlert tone="success" message={done ? "Your password has been changed. Other devices were signed out." : null} />
      <form ref={formRef} className={styles.form} onSubmit={handleSubmit} onInput={handleInput} noValidate>
        <PasswordField
          label="Current password"
          name="current_password"
          autoComplete="current-password"
          toggleLabel="current password"
          error={errors.current_password}
        />
        <PasswordField
          label="New password"
          name="new_password"
          autoComplete="new-password"
          toggleLabel="new password"
          hint="At least 8 characters, not a common one, and not your current one."
          error={errors.new_password}
        />
        <div>
          <SubmitButton busy={busy} busyLabel="Changing password…">
            Change password
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
