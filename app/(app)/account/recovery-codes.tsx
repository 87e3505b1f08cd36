"use client";
// Recovery codes, shown the one time the server gives them (after TOTP is turned on, or
// a new set is made): a list to copy or download as a text file, and a checkbox "I have
// saved them" that must be ticked before the panel closes, since they are never shown again.
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { Announcer } from "@/app/_components/announcer";
import { useStatus } from "@/app/_components/status-message";
import { Button } from "@/app/_components/button";
import { Form } from "@/app/_components/form";
import { SubmitButton } from "@/app/_components/submit-button";
import styles from "./account.module.css";

// formValues() sends a ticked checkbox as "on" and leaves an unticked one out.
const SavedSchema = z.object({
  saved: z.literal("on", { error: "Tick this once you have saved the codes: they won't be shown again." }),
});

const FILE_NAME = "jwt-items-recovery-codes.txt";

type RecoveryCodesProps = { codes: string[]; email: string; onSaved: () => void };

export function RecoveryCodes({ codes, email, onSaved }: RecoveryCodesProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const status = useStatus();
  // A failure to copy is no success: it is read out here, beside the codes.
  const [news, setNews] = useState("");
  const form = useFormSubmit({ schema: SavedSchema, send: async () => undefined, onSuccess: onSaved });
  // The codes replace what the person was doing: start them at the heading.
  useEffect(() => headingRef.current?.focus(), []);

  const text = codesFile(codes, email);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setNews("");
      status.show("The codes are copied. Paste them somewhere safe.");
    } catch {
      status.clear();
      setNews("Couldn't copy. Select the codes and copy them, or download them.");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = FILE_NAME;
    link.click();
    URL.revokeObjectURL(url);
    setNews("");
    status.show(`Downloaded ${FILE_NAME}.`);
  }

  const errorId = "saved-error";
  return (
    <div className={styles.section}>
      <h3 ref={headingRef} tabIndex={-1} className={styles.subheading}>
        Save your recovery codes
      </h3>
      <p>
        If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them somewhere
        safe, like a password manager. <strong>This is the only time they are shown.</strong>
      </p>
      <ol className={styles.codes} aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code} className={styles.code}>
            {code}
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        <Button onClick={() => void copy()}>Copy codes</Button>
        <Button onClick={download}>Download as .txt</Button>
      </div>
      <Announcer message={news} />
      <Form form={form} failure="The codes are still here" className={styles.form}>
        <div className={styles.check}>
          <input
            id="saved-codes"
            type="checkbox"
            name="saved"
            aria-invalid={form.errors.saved ? true : undefined}
            aria-describedby={form.errors.saved ? errorId : undefined}
          />
          <label htmlFor="saved-codes">I have saved them</label>
        </div>
        {form.errors.saved ? (
          <p className="field-error" id={errorId}>
            {form.errors.saved}
          </p>
        ) : null}
        <div>
          <SubmitButton busy={false} busyLabel="">
            Done
          </SubmitButton>
        </div>
      </Form>
    </div>
  );
}

function codesFile(codes: string[], email: string): string {
  return [`Recovery codes for ${email} (JWT Items)`, "Each code works once.", "", ...codes, ""].join("\n");
}
