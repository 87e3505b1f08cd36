// The app's one button, and the same look for a link that acts as one. The class strings
// live here only, so a variant is named once and cannot be misspelt at a call site.
// `busy` keeps the button focusable (aria-disabled, not disabled: a disabled button drops
// keyboard focus to <body>); its handler ignores presses while busy.
import type { ButtonHTMLAttributes, Ref } from "react";

export type ButtonLook = {
  variant?: "plain" | "primary" | "danger" | "quiet" | "quiet-danger" | "link";
  small?: boolean;
  full?: boolean;
  /** Extra classes from the caller's CSS module (layout only, never colours). */
  className?: string | undefined;
};

/** The classes of a button with this look: for a <Link> styled as a button. */
export function buttonClass({ variant = "plain", small = false, full = false, className }: ButtonLook = {}): string {
  const classes = ["button", variant === "plain" ? "" : `button-${variant}`, small ? "button-small" : "", full ? "button-full" : "", className ?? ""];
  return classes.filter(Boolean).join(" ");
}

type ButtonProps = ButtonLook &
  Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className" | "disabled"> & {
    busy?: boolean;
    ref?: Ref<HTMLButtonElement>;
  };

export function Button({ variant, small, full, className, busy = false, type = "button", ...rest }: ButtonProps) {
  return <button {...rest} type={type} className={buttonClass({ variant, small, full, className })} aria-disabled={busy || undefined} />;
}
