"use client";
// A login's second step, on the same page as the password: the account has two-step
// sign-in, so the password answered with an `mfa_token` (valid a few minutes, 5 tries)
// instead of a session. A code or a recovery code completes the login, which then goes
// where the password alone would have gone. When the step is over (expired, used up),
// the person starts again from the password, with their email still filled in.
import { useEffect, useRef, useState } from "react";
import { factors } from "@/lib/api/endpoints";
import { ApiError, call } from "@/lib/client/api";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { LoginSecondStepSchema } from "@/lib/auth/schemas";
import type { SecondStepMethod } from "@/lib/auth/responses";
import { Button } from "@/app/_components/button";
import { Form } from "@/app/_components/form";
import { SecondFactorField, wrongFactorMessage, type SecondFactorKind } from "@/app/_components/second-factor-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { describeWait } from "@/lib/wait-words";
import { describePasskeyError, secondStepWithPasskeyHere } from "@/lib/client/passkeys";
import { goTo } from "../navigate";
import styles from "../auth.module.css";

export type SecondStepChallenge = { mfa_token: string; methods: SecondStepMethod[]; expires_in: number };

type SecondStepProps = { challenge: SecondStepChallenge; email: string; next: string; onStartOver: () => void };

export function SecondStep({ challenge, email, next, onStartOver }: SecondStepProps) {
  const [kind, setKind] = useState<SecondFactorKind>("code");
  const [expired, setExpired] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const passkeyOffered = challenge.methods.includes("passkey");

  async function provePasskey() {
    if (passkeyBusy) return;
    setPasskeyBusy(true);
    setPasskeyError(null);
    try {
      await secondStepWithPasskeyHere(challenge.mfa_token);
      setLeaving(true);
      goTo(next);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid_mfa_token") setExpired(true);
      else if (error instanceof ApiError && error.code === "invalid_mfa_code") setPasskeyError("That passkey is not one of this account's. Try another, or enter a code.");
      else setPasskeyError(describePasskeyError(error) ?? (error instanceof ApiError ? error.message : "The passkey did not work. Try again, or enter a code."));
    } finally {
      setPasskeyBusy(false);
    }
  }
  const form = useFormSubmit({
    schema: LoginSecondStepSchema,
    send: (input) => call(factors.logInSecondStep, { body: input }),
    onSuccess: () => {
      setLeaving(true);
      goTo(next);
    },
    fieldForCode: { invalid_mfa_code: { field: kind, message: wrongFactorMessage(kind) } },
    onFailure: (error) => {
      if (error instanceof ApiError && error.code === "invalid_mfa_token") setExpired(true);
    },
  });

  // The server forgets the step after `expires_in` seconds: say so before a code is wasted on it.
  useEffect(() => {
    const timer = window.setTimeout(() => setExpired(true), challenge.expires_in * 1000);
    return () => window.clearTimeout(timer);
  }, [challenge.expires_in]);

  if (expired) return <StepExpired lasted={challenge.expires_in} onStartOver={onStartOver} />;

  return (
    <div className={`card ${styles.card}`}>
      <div className={styles.intro}>
        <h1>Two-step sign-in</h1>
        <p className="muted">
          Your password was right. To finish signing in as <strong className={styles.address}>{email}</strong>,{" "}
          {passkeyOffered
            ? "use one of your passkeys, or enter a code."
            : kind === "code"
              ? "enter the code your authenticator app shows."
              : "enter one of your recovery codes."}
        </p>
      </div>
      {passkeyOffered ? (
        <div className={styles.form}>
          {/* Offered first: one touch instead of typing a code (README: Second factors). */}
          <Button variant="primary" full onClick={() => void provePasskey()} busy={passkeyBusy || leaving}>
            {passkeyBusy ? "Waiting for your passkey…" : "Use a passkey"}
          </Button>
          {passkeyError ? (
            <p role="alert" className="field-error">
              {passkeyError}
            </p>
          ) : null}
          <p className="muted">Or enter a code:</p>
        </div>
      ) : null}
      <Form form={form} failure="Couldn't sign you in" className={styles.form}>
        <input type="hidden" name="mfa_token" value={challenge.mfa_token} />
        <SecondFactorField
          kind={kind}
          onKindChange={setKind}
          error={form.errors[kind]}
          autoFocus={!passkeyOffered}
          recoveryAllowed={challenge.methods.includes("recovery_code")}
        />
        <SubmitButton busy={form.busy || leaving} busyLabel="Checking…" full>
          Sign in
        </SubmitButton>
      </Form>
      <p className={styles.footer}>
        Not you, or wrong account? <Button variant="link" onClick={onStartOver}>
          Start over
        </Button>
      </p>
    </div>
  );
}

function StepExpired({ lasted, onStartOver }: { lasted: number; onStartOver: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form the person was typing in is gone: tell them where they are now.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className={`card ${styles.card}`}>
      <div className={styles.intro}>
        <h1 ref={headingRef} tabIndex={-1}>
          Sign in again
        </h1>
        <p>
          This sign-in step has ended: it lasts {describeWait(lasted)} and allows 5 tries. For your safety, start again
          with your password.
        </p>
      </div>
      <Button variant="primary" full onClick={onStartOver}>
        Start over
      </Button>
    </div>
  );
}
