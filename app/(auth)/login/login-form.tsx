"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { auth } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { LoginSchema, type LoginInput } from "@/lib/auth/schemas";
import { EmailField } from "@/app/_components/email-field";
import { Form } from "@/app/_components/form";
import { PasswordField } from "@/app/_components/password-field";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { PasskeySignIn } from "./passkey-sign-in";
import { SessionChecking } from "../session-checking";
import { useSessionCheck } from "../use-session-check";
import { goTo } from "../navigate";
import { SecondStep, type SecondStepChallenge } from "./second-step";
import styles from "../auth.module.css";

type LoginFormProps = { next: string; notice: string | null; checkSession: boolean };

/**
 * "Forgot password?" carries the address typed so far to the next page, in the fragment
 * (`/forgot-password#email=…`), never in the query: a fragment is not sent to the server,
 * so no access log holds the address, and it is never part of a Referer. sessionStorage
 * would keep it out of the URL too, but not across a link opened in a new tab (browsers
 * give that tab storage of its own); the fragment works there as well, and the forgot
 * page takes it out of the address bar at once, as the mailed links' pages do with their
 * tokens (app/(auth)/use-link-token.ts), so it stays out of the history and bookmarks.
 */
function forgotPasswordHref(email: string): string {
  const typed = email.trim();
  return typed ? `/forgot-password#${new URLSearchParams({ email: typed })}` : "/forgot-password";
}

export function LoginForm({ next, notice, checkSession }: LoginFormProps) {
  const session = useSessionCheck(next, checkSession);
  const [leaving, setLeaving] = useState(false);
  // The account has two-step sign-in: the password's answer, and the email it was for,
  // kept for starting over.
  const [secondStep, setSecondStep] = useState<SecondStepChallenge | null>(null);
  const [email, setEmail] = useState("");
  // What the email field holds now, for the "Forgot password?" link.
  const [typedEmail, setTypedEmail] = useState("");
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const form = useFormSubmit({
    schema: LoginSchema,
    send: (input: LoginInput) => {
      setEmail(input.email);
      return call(auth.logIn, { body: input });
    },
    onSuccess: (reply) => {
      if ("mfa_required" in reply) return setSecondStep(reply);
      setLeaving(true);
      goTo(next);
    },
  });

  const showForm = session === "signed-out" && !secondStep;
  // The form replaces the "checking" state or the second step: put the caret where the
  // user will type (the password, when the email is still there from before).
  useEffect(() => {
    if (showForm) (emailRef.current?.value ? passwordRef : emailRef).current?.focus();
  }, [showForm]);

  if (secondStep) return <SecondStep challenge={secondStep} email={email} next={next} onStartOver={() => setSecondStep(null)} />;
  if (!showForm) return <SessionChecking resuming={session === "resuming"} />;

  return (
    <div className={`card ${styles.card}`}>
      <div className={styles.intro}>
        <h1>Sign in</h1>
        <p className="muted">Welcome back. Sign in to see your items.</p>
      </div>
      {notice ? <FormAlert tone="success" message={notice} /> : null}
      <Form form={form} failure="Couldn't sign you in" className={styles.form}>
        <EmailField
          autoComplete="username webauthn"
          inputRef={emailRef}
          defaultValue={email}
          onChange={(event) => setTypedEmail(event.currentTarget.value)}
          error={form.errors.email}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="current-password"
          inputRef={passwordRef}
          error={form.errors.password}
        />
        <p className={styles.aside}>
          <Link href={forgotPasswordHref(typedEmail)}>Forgot password?</Link>
        </p>
        <SubmitButton busy={form.busy || leaving} busyLabel="Signing in…" full>
          Sign in
        </SubmitButton>
      </Form>
      <PasskeySignIn next={next} />
      <p className={styles.footer}>
        New here? <Link href={next === "/items" ? "/signup" : `/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </div>
  );
}
