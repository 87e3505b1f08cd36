"use client";
// The fields of an item, shared by the create form and the in-place edit form.
import type { Ref } from "react";
import type { FieldErrors } from "@/lib/client/form-errors";
import { Field } from "@/app/_components/field";
import type { Item } from "@/lib/items/schemas";
import styles from "./items.module.css";

type ItemFieldsProps = { errors: FieldErrors; item?: Item; nameRef?: Ref<HTMLInputElement> };

export function ItemFields({ errors, item, nameRef }: ItemFieldsProps) {
  return (
    <div className={styles.fields}>
      <div className={styles.fieldName}>
        <Field label="Name" name="name" defaultValue={item?.name} autoComplete="off" inputRef={nameRef} error={errors.name} />
      </div>
      <div className={styles.fieldPrice}>
        <Field label="Price" name="price" defaultValue={item?.price} inputMode="decimal" autoComplete="off" placeholder="0.00" error={errors.price} />
      </div>
      <div className={styles.fieldDescription}>
        <Field label="Description" name="description" optional multiline defaultValue={item?.description ?? ""} error={errors.description} />
      </div>
    </div>
  );
}

/**
 * Puts an item's values in the fields of a form that is already showing (they are
 * uncontrolled, so a new defaultValue would not reach a field the user has typed in).
 */
export function fillItemFields(form: HTMLFormElement | null, item: Item) {
  const values = { name: item.name, price: item.price, description: item.description ?? "" };
  for (const [name, value] of Object.entries(values)) {
    const field = form?.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = value;
  }
}
