"use client";
// A message about a whole form (wrong password, rate limited, server trouble). It is a
// live region, so screen readers announce it, and it can take focus so keyboard users
// land on it after a failed submit.
import type { ReactNode, Ref } from "react";

type FormAlertProps = {
  message: string | null;
  title?: string;
  tone?: "error" | "success";
  alertRef?: Ref<HTMLDivElement>;
  children?: ReactNode;
};

export function FormAlert({ message, title, tone = "error", alertRef, children }: FormAlertProps) {
  // The region stays in the page while empty: live regions added together with their
  // text are often not announced.
  return (
    <div ref={alertRef} className="live-slot" tabIndex={-1} role={tone === "error" ? "alert" : "status"} aria-live={tone === "error" ? "assertive" : "polite"}>
      {message ? (
        <div className={tone === "error" ? "alert" : "notice"}>
          {title ? <p className="alert-title">{title}</p> : null}
          <p>{message}</p>
          {children}
        </div>
      ) : null}
    </div>
  );
}
