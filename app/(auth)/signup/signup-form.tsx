"use client";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { SignupSchema, type SignupInput } from "@/lib/auth/schemas";
import { Field } from "@/app/_components/field";
import { PasswordField } from "@/app/_components/password-field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { goTo } from "../navigate";
import styles from "../auth.module.css";

export function SignupForm({ next }: { next: string }) {
  const [leaving, setLeaving] = useState(false);
  const { busy, errors, formError, formRef, alertRef, handleSubmit, handleInput } = useFormSubmit({
    schema: SignupSchema,
    // The schema turns a blank name into null; the API wants it left out instead.
    send: ({ email, password, name }: SignupInput) =>
      api("/api/auth/signup", { method: "POST", body: { email, password, ...(name ? { name } : {}) }, refresh: false }),
    onSuccess: () => {
      setLeaving(true);
      goTo(next);
    },
    fieldForCode: { email_taken: { field: "email" } },
  });

  return (
    <div className={`card ${styles.card}`}>
      <div className={styles.intro}>
        <h1>Create your account</h1>
        <p className="muted">Keep a private list of items and their prices.</p>
      </div>
      <FormAlert message={formError} title="Couldn't create your account" alertRef={alertRef} />
      <form ref={formRef} className={styles.form} onSubmit={handleSubmit} onInput={handleInput} noValidate>
        <Field label="Name" name="name" optional autoComplete="name" maxLength={100} error={errors.name} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          error={errors.email}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="new-password"
          hint="At least 8 characters, and not a common one. A few words strung together make a strong one."
          error={errors.password}
        />
        <SubmitButton busy={busy || leaving} busyLabel="Creating your account…" full>
          Create account
        </SubmitButton>
      </form>
      <p className={styles.footer}>
        Already have an account? <Link href={next === "/items" ? "/login" : `/login?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </div>
  );
}
