"use client";
// The life of every form here: check the values with the API's own zod schema, send
// them, and on failure put each message next to its field (or above the form) and move
// focus there, so keyboard and screen-reader users land on what needs fixing.
import { useRef, useState, type FormEvent, type RefObject } from "react";
import { flushSync } from "react-dom";
import type { z } from "zod";
import { ApiError } from "@/lib/client/api";
import { describeError } from "@/lib/client/describe-error";
import { check, focusFirstInvalid, formValues, serverFieldErrors, type FieldErrors } from "@/lib/client/form-errors";

type Options<S extends z.ZodType, R> = {
  schema: S;
  send: (data: z.output<S>) => Promise<R>;
  onSuccess: (result: R, form: HTMLFormElement) => void;
  /** Error codes that concern one field, e.g. { email_taken: { field: "email" } }. */
  fieldForCode?: Partial<Record<string, { field: string; message?: string }>>;
  /** This form's own words for a failure it understands better; undefined for the usual ones. */
  describeFailure?: (error: unknown) => string | undefined;
  /** Told of every failure after it is shown, for a form that must change course (a dead link). */
  onFailure?: (error: unknown) => void;
};

/** What a form's frame (app/_components/form.tsx) and its fields read. */
export type FormSubmit = {
  busy: boolean;
  errors: FieldErrors;
  formError: string | null;
  formRef: RefObject<HTMLFormElement | null>;
  alertRef: RefObject<HTMLDivElement | null>;
  handleSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  handleInput: (event: FormEvent<HTMLFormElement>) => void;
};

export function useFormSubmit<S extends z.ZodType, R>(options: Options<S, R>): FormSubmit {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  function showErrors(fields: FieldErrors, message: string | null) {
    // Rendered synchronously, so the field is described by its error when it gets focus.
    flushSync(() => {
      setErrors(fields);
      setFormError(message);
    });
    if (!focusFirstInvalid(formRef.current, fields) && message) alertRef.current?.focus();
  }

  function showFailure(error: unknown) {
    const own = options.describeFailure?.(error);
    if (own) return showErrors({}, own);
    const target = error instanceof ApiError ? options.fieldForCode?.[error.code] : undefined;
    if (target) return showErrors({ [target.field]: target.message ?? describeError(error) }, null);
    const fields = serverFieldErrors(error);
    const hasFields = Object.keys(fields).length > 0;
    showErrors(fields, hasFields ? null : describeError(error));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const checked = check(options.schema, formValues(form));
    if (!checked.ok) return showErrors(checked.errors, null);
    setBusy(true);
    showErrors({}, null);
    try {
      const result = await options.send(checked.data);
      setBusy(false);
      options.onSuccess(result, form);
    } catch (error) {
      setBusy(false);
      showFailure(error);
      options.onFailure?.(error);
    }
  }

  /** Editing a field clears its error: the message is about a value that is gone. */
  function handleInput(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (name && errors[name]) setErrors(({ [name]: _cleared, ...rest }) => rest);
  }

  return { busy, errors, formError, formRef, alertRef, handleSubmit, handleInput };
}
