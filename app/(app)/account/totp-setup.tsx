"use client";
// Adding an authenticator app: scan the QR code (or type the key), then prove it works
// with one code, which turns TOTP on and brings the recovery codes. The QR code is the
// server's SVG shown as an image from a data: URL, never inserted as markup: an <img>
// runs no script and reaches nothing of the page.
import { useEffect, useRef } from "react";
import { factors } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { TotpConfirmSchema } from "@/lib/auth/schemas";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { SubmitButton } from "@/app/_components/submit-button";
import styles from "./account.module.css";

export type PendingSetup = { secret: string; qr_svg: string };

type TotpSetupProps = { setup: PendingSetup; onConfirmed: (codes: string[]) => void; onCancel: () => void };

export function TotpSetup({ setup, onConfirmed, onCancel }: TotpSetupProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useFormSubmit({
    schema: TotpConfirmSchema,
    send: (input) => call(factors.confirmTotpSetup, { body: input }),
    onSuccess: (reply) => onConfirmed(reply.recovery_codes),
    fieldForCode: {
      invalid_mfa_code: { field: "code", message: "That code isn't right. Enter the code the app shows now for this account." },
    },
  });
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className={styles.section}>
      <h3 ref={headingRef} tabIndex={-1} className={styles.subheading}>
        Set up your authenticator app
      </h3>
      <ol className={styles.steps}>
        <li>
          <p>
            Open an authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator, 1Password or
            Aegis), add an account, and scan this QR code.
          </p>
          {/* A data: URL made here, not a file next/image could optimise. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img className={styles.qr} src={svgDataUrl(setup.qr_svg)} alt="QR code that adds this account to an authenticator app" width={200} height={200} />
          <p>
            Can&apos;t scan it? Choose to enter a setup key and type this one (spaces don&apos;t matter):
          </p>
          <p className={styles.secret}>{groupsOfFour(setup.secret)}</p>
        </li>
        <li>
          <p>Enter the 6-digit code the app now shows for this account.</p>
          <Form form={form} failure="Couldn't turn on two-step sign-in" className={styles.form}>
            <Field
              label="Code from the app"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              error={form.errors.code}
            />
            <div className={styles.actions}>
              <SubmitButton busy={form.busy} busyLabel="Checking…">
                Turn on
              </SubmitButton>
              <Button onClick={onCancel}>Cancel</Button>
            </div>
          </Form>
        </li>
      </ol>
    </div>
  );
}

/** The key in groups of four, as authenticator apps accept it typed with or without spaces. */
export function groupsOfFour(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
