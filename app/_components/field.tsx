"use client";
// A labelled input with its hint and its error, wired for assistive technology:
// aria-invalid marks it, aria-describedby reads the error (then the hint) after the label.
// `action` puts a control at the input's end, inside the same frame (the password toggle).
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from "react";

export type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> & {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string;
  optional?: boolean;
  multiline?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  action?: ReactNode;
};

export function Field({ label, error, hint, optional, multiline, inputRef, action, ...input }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  const shared = {
    id,
    className: "input",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
        {optional ? <span className="label-optional"> (optional)</span> : null}
      </label>
      {multiline ? (
        <textarea
          {...shared}
          name={input.name}
          defaultValue={input.defaultValue}
          maxLength={input.maxLength}
          rows={3}
        />
      ) : action ? (
        <div className="input-group">
          <input {...input} {...shared} ref={inputRef} />
          {action}
        </div>
      ) : (
        <input {...input} {...shared} ref={inputRef} />
      )}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
