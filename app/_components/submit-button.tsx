"use client";
// A submit button that says what it is doing. While busy it stays focusable
// (aria-disabled, not disabled: a disabled button would drop keyboard focus to <body>)
// and the form's handler ignores repeated submits.
import type { ReactNode } from "react";

type SubmitButtonProps = {
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
  variant?: "primary" | "danger" | "plain";
  full?: boolean;
};

export function SubmitButton({ busy, busyLabel, children, variant = "primary", full }: SubmitButtonProps) {
  const classes = ["button", variant === "plain" ? "" : `button-${variant}`, full ? "button-full" : ""];
  return (
    <button type="submit" className={classes.filter(Boolean).join(" ")} aria-disabled={busy || undefined}>
      {busy ? busyLabel : children}
    </button>
  );
}
