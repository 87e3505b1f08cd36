"use client";
import { auth } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { PasswordChangeSchema } from "@/lib/auth/schemas";
import { PasswordField } from "@/app/_components/password-field";
import { Form } from "@/app/_components/form";
import { SubmitButton } from "@/app/_components/submit-button";
import { useStatus } from "@/app/_components/status-message";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import styles from "./account.module.css";

export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const status = useStatus();
  const form = useFormSubmit({
    schema: PasswordChangeSchema,
    send: (input) => {
      status.clear();
      return call(auth.changePassword, { body: input });
    },
    onSuccess: (_result, element) => {
      element.reset();
      status.show("Your password has been changed. Other devices were signed out.");
      onChanged();
    },
    // 403 invalid_credentials here means the current password was mistyped.
    fieldForCode: { invalid_credentials: { field: "current_password", message: "That isn't your current password." } },
  });

  return (
    <section className={`card ${styles.section}`} aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <p className="muted">Changing it signs you out on your other devices; this one stays signed in.</p>
      <Form
        form={form}
        failure="Couldn't change your password"
        className={styles.form}
      >
        <PasswordField
          label="Current password"
          name="current_password"
          autoComplete="current-password"
          toggleLabel="current password"
          error={form.errors.current_password}
        />
        <PasswordField
          label="New password"
          name="new_password"
          autoComplete="new-password"
          toggleLabel="new password"
          hint="At least 8 characters, not a common one, and not your current one."
          error={form.errors.new_password}
        />
        <div>
          <SubmitButton busy={form.busy} busyLabel="Changing password…">
            Change password
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
