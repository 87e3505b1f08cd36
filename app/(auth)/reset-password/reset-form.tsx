"use client";
// Sets a new password with the token of a mailed reset link. Success ends every session
// of the account (README: Account recovery and email), so the user goes on to sign in with the new password.
import Link from "next/link";
import { useState } from "react";
import { recovery } from "@/lib/api/endpoints";
import { ApiError, call } from "@/lib/client/api";
import { Form } from "@/app/_components/form";
import { NEW_PASSWORD_HINT, PasswordField } from "@/app/_components/password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { LinkProblem, LinkReading } from "../link-problem";
import { goTo } from "../navigate";
import { useLinkToken } from "../use-link-token";
import { ResetFormSchema } from "./reset-schema";
import { buttonClass } from "@/app/_components/button";
import styles from "../auth.module.css";

export function ResetForm() {
  const token = useLinkToken();
  // A new link starts afresh (a dead link's message does not carry over).
  return <ResetWith key={token ?? ""} token={token} />;
}

function ResetWith({ token }: { token: string | null | undefined }) {
  const [dead, setDead] = useState(false);
  if (token === undefined) return <LinkReading />;
  if (token === null) {
    return (
      <LinkProblem title="This link is incomplete">
        <p>
          This page needs the whole link from the password-reset mail, and this one has no code in it. Open the link
          from the mail again, or copy all of it into the address bar.
        </p>
        <NewLink />
      </LinkProblem>
    );
  }
  if (dead) {
    return (
      <LinkProblem title="This link no longer works">
        <p>
          It has expired or was used already: a reset link works once, for a short time, and only the newest one
          works.
        </p>
        <NewLink />
      </LinkProblem>
    );
  }
  return <NewPasswordForm token={token} onDeadLink={() => setDead(true)} />;
}

function NewPasswordForm({ token, onDeadLink }: { token: string; onDeadLink: () => void }) {
  const [leaving, setLeaving] = useState(false);
  const form = useFormSubmit({
    schema: ResetFormSchema,
    send: ({ new_password }) => call(recovery.resetPassword, { body: { token, new_password } }),
    onSuccess: () => {
      setLeaving(true);
      goTo("/login?reason=password-reset");
    },
    onFailure: (error) => {
      if (error instanceof ApiError && error.code === "invalid_reset_token") onDeadLink();
    },
  });

  return (
    <div className={`card ${styles.card}`}>
      <div className={styles.intro}>
        <h1>Choose a new password</h1>
        <p className="muted">Setting it signs you out on every device; then you sign in with the new one.</p>
      </div>
      <Form form={form} failure="Couldn't set your password" className={styles.form}>
        <PasswordField
          label="New password"
          name="new_password"
          autoComplete="new-password"
          toggleLabel="new password"
          hint={NEW_PASSWORD_HINT}
          error={form.errors.new_password}
        />
        <PasswordField
          label="New password again"
          name="confirm_password"
          autoComplete="new-password"
          toggleLabel="new password again"
          error={form.errors.confirm_password}
        />
        <SubmitButton busy={form.busy || leaving} busyLabel="Setting your password…" full>
          Set new password
        </SubmitButton>
      </Form>
    </div>
  );
}

function NewLink() {
  return (
    <p>
      <Link href="/forgot-password" className={buttonClass({ variant: "primary" })}>
        Ask for a new link
      </Link>
    </p>
  );
}
