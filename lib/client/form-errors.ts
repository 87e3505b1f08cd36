// Field-by-field messages for a form, from the same zod schema the API validates with
// (checked before sending) or from the `errors` of a 400 problem (checked after).
import type { z } from "zod";
import { ApiError } from "@/lib/client/api";

export type FieldErrors = Partial<Record<string, string>>;

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Parses form values with a schema; on failure, the first message for each field. */
export function check<S extends z.ZodType>(schema: S, values: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The server's own field messages from a 400 validation_failed, keyed by field. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const { path, message } of error.errors) {
    const field = path.split(".")[0] ?? path;
    errors[field] ??= message;
  }
  return errors;
}

/** Values of a form's named text fields. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === "string") values[key] = value;
  });
  return values;
}

/** Moves focus to the first field (in form order) that has an error. */
export function focusFirstInvalid(form: HTMLFormElement | null, errors: FieldErrors): boolean {
  if (!form) return false;
  for (const element of Array.from(form.elements)) {
    const name = (element as HTMLInputElement).name;
    if (name && errors[name] && element instanceof HTMLElement) {
      element.focus();
      return true;
    }
  }
  return false;
}
