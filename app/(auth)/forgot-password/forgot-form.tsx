"use client";
// Asks for the address to mail a reset link to. The answer is the same for every
// address, known or not (the API's is too): the page must not tell a stranger who has
// an account here. The address typed on the login page arrives in the fragment
// (`#email=…`, app/(auth)/login/login-form.tsx says why) and fills the field.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { recovery } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { ForgotPasswordSchema } from "@/lib/auth/schemas";
import { EmailField } from "@/app/_components/email-field";
import { Form } from "@/app/_components/form";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { Button, buttonClass } from "@/app/_components/button";
import styles from "../auth.module.css";

export function ForgotForm({ validFor }: { validFor: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const wasSent = useRef(false);
  const form = useFormSubmit({
    schema: ForgotPasswordSchema,
    send: (input) => call(recovery.forgotPassword, { body: input }).then(() => input.email),
    onSuccess: (email) => setSentTo(email),
  });

  // The login page's address, taken from the fragment and out of the address bar; also
  // when only the fragment changes (the same document, no new load).
  useEffect(() => {
    const take = () => {
      if (!window.location.hash) return;
      const carried = new URLSearchParams(window.location.hash.slice(1)).get("email");
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
      if (carried && carried.length <= 254 && emailRef.current) emailRef.current.value = carried;
    };
    take();
    window.addEventListener("hashchange", take);
    return () => window.removeEventListener("hashchange", take);
  }, []);

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
      <Form form={form} failure="Couldn't send the link" className={styles.form}>
        <EmailField inputRef={emailRef} error={form.errors.email} />
        <SubmitButton busy={form.busy} busyLabel="Sending…" full>
          Send the link
        </SubmitButton>
      </Form>
      <p className={styles.footer}>
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
