"use client";
// Asks for the address to mail a reset link to. The answer is the same for every
// address, known or not (the API's is too): the page must not tell a stranger who has
// an account here.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { api } from "@/lib/client/api";
import { ForgotPasswordSchema } from "@/lib/auth/schemas";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { Button, buttonClass } from "@/app/_components/button";
import styles from "../auth.module.css";

export function ForgotForm({ validFor }: { validFor: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const wasSent = useRef(false);
  const { busy, errors, formError, formRef, alertRef, handleSubmit, handleInput } = useFormSubmit({
    schema: ForgotPasswordSchema,
    send: (input) => api("/api/auth/password/forgot", { method: "POST", body: input, refresh: false }).then(() => input.email),
    onSuccess: (email) => setSentTo(email),
  });

  // The form and the answer take turns: focus follows, so the answer is read out and
  // "Use another address" lands in the field.
  useEffect(() => {
    if (sentTo) headingRef.current?.focus();
    else if (wasSent.current) emailRef.current?.focus();
    wasSent.current = sentTo !== null;
  }, [sentTo]);

  if (sentTo) {
    return (
      <div className={`card ${styles.card}`}>
        <div className={styles.intro}>
          <h1 ref={headingRef} tabIndex={-1}>
            Check your email
          </h1>
          <p>
            If an account uses <strong className={styles.address}>{sentTo}</strong>, a link to choose a new password is on
            its way to it. The link works for {validFor}, once.
          </p>
          <p className="muted">Nothing after a few minutes? Look in your spam folder, or check the address and try again.</p>
        </div>
        <div className={styles.actions}>
          <Button onClick={() => setSentTo(null)}>
            Use another address
          </Button>
          <Link href="/login" className={buttonClass({ variant: "quiet" })}>
            Back to sign in
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className={`card ${styles.card}`}>
      <div className={styles.intro}>
        <h1>Forgot your password?</h1>
        <p className="muted">Enter the email address you sign in with, and we&apos;ll mail you a link to choose a new one.</p>
      </div>
      <FormAlert message={formError} title="Couldn't send the link" alertRef={alertRef} />
      <form ref={formRef} className={styles.form} onSubmit={handleSubmit} onInput={handleInput} noValidate>
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          inputRef={emailRef}
          error={errors.email}
        />
        <SubmitButton busy={busy} busyLabel="Sending…" full>
          Send the link
        </SubmitButton>
      </form>
      <p className={styles.footer}>
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
