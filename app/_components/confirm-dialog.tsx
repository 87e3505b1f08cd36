"use client";
// A question asked before something that cannot be taken back: a modal <dialog>, so the
// page behind is inert and Escape cancels. Its title names the action, its text says
// exactly what will happen to whom; focus starts on the first field, or on the control
// marked data-autofocus (a Cancel, where the only other button is the irreversible one),
// and the browser returns it to the opener when the dialog closes.
import { useEffect, useId, useRef, type ReactNode } from "react";
import styles from "./confirm-dialog.module.css";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  /** What will happen, to whom: read out with the title when the dialog opens. */
  description: ReactNode;
  onCancel: () => void;
  /** The form or buttons that confirm or cancel. */
  children: ReactNode;
};

export function ConfirmDialog({ open, title, description, onCancel, children }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const first =
        dialog.querySelector<HTMLElement>("[data-autofocus], input, textarea, select") ?? dialog.querySelector<HTMLElement>("button");
      first?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      onCancel={(event) => {
        // Escape: the parent decides (it may be busy and keep the dialog open).
        event.preventDefault();
        onCancel();
      }}
    >
      {open ? (
        <div className={styles.body}>
          <h2 id={`${id}-title`} className={styles.title}>
            {title}
          </h2>
          <div id={`${id}-description`} className={styles.description}>
            {description}
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
