"use client";
// The one place a signed-in page asks "is it still you?": a sensitive action answered
// 401 step_up_required, and lib/client/api.ts waits on this dialog (registered through
// lib/client/step-up.ts) before sending the action again. It asks for the password, or
// for a code or recovery code when the challenge wants a second factor (acr_values="aal2").
// A modal <dialog>: the page behind is inert, Escape cancels, focus starts in the field
// and goes back to where it was (the form's button) when the dialog closes.
import { useEffect, useRef, useState } from "react";
import { factors } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { setStepUpHandler, type StepUpChallenge } from "@/lib/client/step-up";
import { ReauthenticateSchema } from "@/lib/auth/schemas";
import { Button } from "@/app/_components/button";
import { Form } from "@/app/_components/form";
import { PasswordField } from "@/app/_components/password-field";
import { SecondFactorField, wrongFactorMessage, type SecondFactorKind } from "@/app/_components/second-factor-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { ApiError } from "@/lib/client/api";
import { describePasskeyError, reauthenticateWithPasskeyHere } from "@/lib/client/passkeys";

type Asking = { id: number; challenge: StepUpChallenge; resolve: (proved: boolean) => void };

let asked = 0;

export function StepUpDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [kind, setKind] = useState<SecondFactorKind>("code");

  useEffect(
    () =>
      setStepUpHandler(
        (challenge) =>
          new Promise<boolean>((resolve) => {
            returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            setKind("code");
            asked += 1;
            setAsking({ id: asked, challenge, resolve });
          }),
      ),
    [],
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!asking || !dialog || dialog.open) return;
    dialog.showModal();
    // Into the field itself, not the first focusable thing (the form's alert region).
    dialog.querySelector("input")?.focus();
  }, [asking]);

  function finish(proved: boolean) {
    asking?.resolve(proved);
    setAsking(null);
    dialogRef.current?.close();
    returnFocus.current?.focus();
  }

  const secondFactor = asking?.challenge.secondFactor ?? false;
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={asking ? "step-up-heading" : undefined}
      aria-describedby={asking ? "step-up-why" : undefined}
      // Escape: the dialog would close itself; finishing it tells the waiting action.
      onCancel={(event) => {
        event.preventDefault();
        finish(false);
      }}
    >
      {asking ? <StepUpForm key={asking.id} secondFactor={secondFactor} kind={kind} onKindChange={setKind} onDone={finish} /> : null}
    </dialog>
  );
}

type StepUpFormProps = {
  secondFactor: boolean;
  kind: SecondFactorKind;
  onKindChange: (kind: SecondFactorKind) => void;
  onDone: (proved: boolean) => void;
};

function StepUpForm({ secondFactor, kind, onKindChange, onDone }: StepUpFormProps) {
  const field = secondFactor ? kind : "password";
  // Whether to offer a passkey: GET /api/auth/mfa counts them (the challenge does not say).
  const [hasPasskeys, setHasPasskeys] = useState(false);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call(factors.getMfaStatus)
      .then((status) => live && setHasPasskeys(status.passkeys > 0))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  async function provePasskey() {
    if (passkeyBusy) return;
    setPasskeyBusy(true);
    setPasskeyError(null);
    try {
      await reauthenticateWithPasskeyHere();
      onDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid_mfa_code") setPasskeyError("That passkey is not one of this account's. Try another.");
      else setPasskeyError(describePasskeyError(error) ?? (error instanceof ApiError ? error.message : "The passkey did not work. Try again."));
    } finally {
      setPasskeyBusy(false);
    }
  }

  const form = useFormSubmit({
    schema: ReauthenticateSchema,
    send: (input) => call(factors.reauthenticate, { body: input }),
    onSuccess: () => onDone(true),
    fieldForCode: {
      invalid_credentials: { field: "password", message: "That password isn't right." },
      invalid_mfa_code: { field, message: wrongFactorMessage(kind) },
    },
  });

  return (
    <div className="dialog-body">
      <h2 id="step-up-heading">Confirm it&apos;s you</h2>
      <p id="step-up-why" className="muted">
        {secondFactor
          ? `This change needs your second factor. ${hasPasskeys ? "Use a passkey or enter a code" : "Enter a code"} to continue; what you typed on the page stays as it is.`
          : `You signed in a while ago. ${hasPasskeys ? "Use a passkey or enter your password" : "Enter your password"} to continue; what you typed on the page stays as it is.`}
      </p>
      {hasPasskeys ? (
        <div className="dialog-form">
          <Button variant="primary" onClick={() => void provePasskey()} busy={passkeyBusy}>
            {passkeyBusy ? "Waiting for your passkey…" : "Use a passkey"}
          </Button>
          {passkeyError ? (
            <p role="alert" className="field-error">
              {passkeyError}
            </p>
          ) : null}
          <p className="muted">{secondFactor ? "Or enter a code:" : "Or enter your password:"}</p>
        </div>
      ) : null}
      <Form form={form} failure="Couldn't confirm it's you" alertsInside className="dialog-form">
        {secondFactor ? (
          <SecondFactorField kind={kind} onKindChange={onKindChange} error={form.errors[kind]} />
        ) : (
          <PasswordField label="Password" name="password" autoComplete="current-password" error={form.errors.password} />
        )}
        <div className="dialog-actions">
          <SubmitButton busy={form.busy} busyLabel="Checking…">
            Continue
          </SubmitButton>
          <Button onClick={() => onDone(false)}>Cancel</Button>
        </div>
      </Form>
    </div>
  );
}
