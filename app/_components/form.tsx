"use client";
// Every form's frame, wired to useFormSubmit (lib/client/hooks/use-form-submit.ts): the
// alert that says why a submit failed (it takes focus when no field does), an optional
// success notice after it, and the form, checked by script (noValidate) so that the
// messages are the API's own words.
import type { FormHTMLAttributes, ReactNode } from "react";
import type { FormSubmit } from "@/lib/client/hooks/use-form-submit";
import { FormAlert } from "@/app/_components/form-alert";

type FormProps = Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "onInput" | "noValidate"> & {
  form: FormSubmit;
  /** The alert's title when a submit fails, e.g. "Couldn't sign you in". */
  failure: string;
  /** A success message for after the alert; null while there is none. */
  notice?: string | null;
  /** The alerts inside the form, for a form that stands in a row or a section of its own. */
  alertsInside?: boolean;
  children: ReactNode;
};

export function Form({ form, failure, notice, alertsInside = false, children, ...attributes }: FormProps) {
  const { formRef, alertRef, formError, handleSubmit, handleInput } = form;
  const alerts = (
    <>
      <FormAlert message={formError} title={failure} alertRef={alertRef} />
      {notice === undefined ? null : <FormAlert tone="success" message={notice} />}
    </>
  );
  return (
    <>
      {alertsInside ? null : alerts}
      <form ref={formRef} onSubmit={handleSubmit} onInput={handleInput} noValidate {...attributes}>
        {alertsInside ? alerts : null}
        {children}
      </form>
    </>
  );
}
