"use client";
// Sets a new password with the token of a mailed reset link. Success ends every session
// of the account (README: Account recovery and email), so the user goes on to sign in with the new password.
import Link from "next/link";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { PasswordField } from "@/app/_components/password-field";
import { FormAlert } from "@/app/_components/form-alert";
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
  const [leaving, setLeaving] = useState(false);
  const { busy, errors, formError, formRef, alertRef, handleSubmit, handleInput } = useFormSubmit({
    schema: ResetFormSchema,
    send: ({ new_password }) =>
      api("/api/auth/password/reset", { method: "POST", body: { token, new_password }, refresh: false }),
    onSuccess: () => {
      setLeaving(true);
      goTo("/login?reason=password-reset");
    },
    onFailure: (error) => {
      if (error instanceof ApiError && error.code === "invalid_reset_token") setDead(true);
    },
  });

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

  return (
    <div className={`card ${styles.card}`}>
      <div className={styles.intro}>
        <h1>Choose a new password</h1>
        <p className="muted">Setting it signs you out on every device; then you sign in with the new one.</p>
      </div>
      <FormAlert message={formError} title="Couldn't set your password" alertRef={alertRef} />
      <form ref={formRef} className={styles.form} onSubmit={handleSubmit} onInput={handleInput} noValidate>
        <PasswordField
          label="New password"
          name="new_password"
          autoComplete="new-password"
          toggleLabel="new password"
          hint="At least 8 characters, and not a common one. A few words strung together make a strong one."
          error={errors.new_password}
        />
        <PasswordField
          label="New password again"
          name="confirm_password"
          autoComplete="new-password"
          toggleLabel="new password again"
          error={errors.confirm_password}
        />
        <SubmitButton busy={busy || leaving} busyLabel="Setting your password…" full>
          Set new password
        </SubmitButton>
      </form>
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
