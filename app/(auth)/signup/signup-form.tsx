"use client";
import Link from "next/link";
import { useState } from "react";
import { auth } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { SignupSchema, type SignupInput } from "@/lib/auth/schemas";
import { EmailField } from "@/app/_components/email-field";
import { Field } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { NEW_PASSWORD_HINT, PasswordField } from "@/app/_components/password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { goTo } from "../navigate";
import styles from "../auth.module.css";

export function SignupForm({ next }: { next: string }) {
  const [leaving, setLeaving] = useState(false);
  const form = useFormSubmit({
    schema: SignupSchema,
    // The schema turns a blank name into null; the API wants it left out instead.
    send: ({ email, password, name }: SignupInput) =>
      call(auth.signUp, { body: { email, password, ...(name ? { name } : {}) } }),
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
      <Form form={form} failure="Couldn't create your account" className={styles.form}>
        <Field label="Name" name="name" optional autoComplete="name" maxLength={100} error={form.errors.name} />
        <EmailField error={form.errors.email} />
        <PasswordField label="Password" name="password" autoComplete="new-password" hint={NEW_PASSWORD_HINT} error={form.errors.password} />
        <SubmitButton busy={form.busy || leaving} busyLabel="Creating your account…" full>
          Create account
        </SubmitButton>
      </Form>
      <p className={styles.footer}>
        Already have an account? <Link href={next === "/items" ? "/login" : `/login?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </div>
  );
}
