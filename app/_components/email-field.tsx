"use client";
// An email address field: the keyboard, autocomplete and spelling settings every form here
// gives one.
import { Field, type FieldProps } from "@/app/_components/field";

type EmailFieldProps = Omit<FieldProps, "type" | "inputMode" | "spellCheck" | "label" | "name"> & { label?: string; name?: string };

export function EmailField({ label = "Email", name = "email", autoComplete = "email", ...field }: EmailFieldProps) {
  return <Field label={label} name={name} type="email" autoComplete={autoComplete} inputMode="email" spellCheck={false} {...field} />;
}
