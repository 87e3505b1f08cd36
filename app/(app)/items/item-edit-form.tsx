"use client";
// Editing an item in place of its row. The caret starts in Name; Escape cancels.
import { useEffect, useRef, type KeyboardEvent } from "react";
import { api } from "@/lib/api-client";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/app/_components/use-form-submit";
import { ItemFields } from "./item-fields";
import { ItemUpdateSchema, type Item, type ItemUpdateInput } from "@/lib/items/schemas";
import styles from "./items.module.css";

type ItemEditFormProps = { item: Item; onSaved: (item: Item) => void; onCancel: () => void };

export function ItemEditForm({ item, onSaved, onCancel }: ItemEditFormProps) {
  const nameRef = useRef<HTMLInputElement>(null);
  const { busy, errors, formError, formRef, alertRef, handleSubmit, handleInput } = useFormSubmit({
    schema: ItemUpdateSchema,
    // The schema's output is valid input: a trimmed name, a two-decimal price, and null
    // for an emptied description (which clears it).
    send: (patch: ItemUpdateInput) => api<Item>(`/api/items/${encodeURIComponent(item.id)}`, { method: "PATCH", body: patch }),
    onSuccess: (saved) => onSaved(saved),
    fieldForCode: { item_name_taken: { field: "name" } },
  });

  useEffect(() => {
    nameRef.current?.focus();
    nameRef.current?.select();
  }, []);

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") onCancel();
  }

  return (
    <form
      ref={formRef}
      className={styles.editForm}
      onSubmit={handleSubmit}
      onInput={handleInput}
      onKeyDown={handleKeyDown}
      aria-label={`Edit ${item.name}`}
      noValidate
    >
      <FormAlert message={formError} title="Couldn't save" alertRef={alertRef} />
      <ItemFields errors={errors} item={item} nameRef={nameRef} />
      <div className={styles.rowActions}>
        <SubmitButton busy={busy} busyLabel="Saving…">
          Save
        </SubmitButton>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
