"use client";
// A password field with a show/hide toggle. The toggle is a real button (never submits)
// whose name stays "Show password" while aria-pressed says whether it is on, as WAI-ARIA's
// toggle-button pattern asks: a name that changed with the state would read "Hide password,
// pressed". The name comes from its text, not aria-label, so a search by label ("Password")
// finds the input alone. Pressed with a pointer, it leaves focus (and the caret) in the input.
import { useState } from "react";
import { Field, type FieldProps } from "@/app/_components/field";

/** What a new password must be, as signup and a reset say it (lib/auth/accounts/password-policy.ts decides). */
export const NEW_PASSWORD_HINT = "At least 8 characters, and not a common one. A few words strung together make a strong one.";

type PasswordFieldProps = Omit<FieldProps, "type" | "multiline" | "action"> & {
  autoComplete: "current-password" | "new-password";
  /** What the toggle shows, where a form has two password fields: "new password". */
  toggleLabel?: string;
};

export function PasswordField({ toggleLabel = "password", ...field }: PasswordFieldProps) {
  const [shown, setShown] = useState(false);
  return (
    <Field
      {...field}
      type={shown ? "text" : "password"}
      // Shown as text, a password must not be sent to a spelling service or be corrected.
      spellCheck={false}
      autoCapitalize="none"
      autoCorrect="off"
      action={
        <button
          type="button"
          className="input-toggle"
          aria-pressed={shown}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setShown((was) => !was)}
        >
          <EyeIcon />
          Show<span className="visually-hidden"> {toggleLabel}</span>
        </button>
      }
    />
  );
}

function EyeIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12Z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}
