"use client";
// The second factor as a person gives it: the 6-digit code their authenticator app shows,
// or, without the phone, one of the recovery codes they saved, with a button to switch.
// Used by the login's second step and by the step-up dialog. The code field asks for the
// number pad and lets the browser offer a code it received (autocomplete="one-time-code").
import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";

export type SecondFactorKind = "code" | "recovery_code";

type SecondFactorFieldProps = {
  kind: SecondFactorKind;
  onKindChange: (kind: SecondFactorKind) => void;
  error: string | undefined;
  /** Put the caret in the field when it first shows (a step or a dialog that just opened). */
  autoFocus?: boolean;
  /** False where recovery codes are not offered. */
  recoveryAllowed?: boolean;
};

export function SecondFactorField({ kind, onKindChange, error, autoFocus = false, recoveryAllowed = true }: SecondFactorFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [switched, setSwitched] = useState(false);
  // After a switch the caret goes to the new field, where the person types next.
  useEffect(() => {
    if (switched || autoFocus) inputRef.current?.focus();
  }, [kind, switched, autoFocus]);

  const switchTo = (next: SecondFactorKind) => {
    setSwitched(true);
    onKindChange(next);
  };

  return (
    <>
      {kind === "code" ? (
        <Field
          key="code"
          label="Code from your authenticator app"
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          hint="The 6 digits your app shows now; they change every 30 seconds."
          inputRef={inputRef}
          error={error}
        />
      ) : (
        <Field
          key="recovery_code"
          label="Recovery code"
          name="recovery_code"
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          hint="One of the codes you saved when you turned on two-step sign-in. Each works once."
          inputRef={inputRef}
          error={error}
        />
      )}
      {recoveryAllowed ? (
        <p>
          <Button variant="link" onClick={() => switchTo(kind === "code" ? "recovery_code" : "code")}>
            {kind === "code" ? "Use a recovery code instead" : "Use your authenticator app instead"}
          </Button>
        </p>
      ) : null}
    </>
  );
}

/** The words for a refused code, by what was typed. */
export function wrongFactorMessage(kind: SecondFactorKind): string {
  return kind === "code"
    ? "That code isn't right. Enter the code your app shows now."
    : "That recovery code isn't right, or it has been used already.";
}
