"use client";
// Adding an item. After it is added the form empties and the caret returns to Name,
// ready for the next one; the list announces the new item.
import { useRef } from "react";
import { api } from "@/lib/client/api";
import { ItemCreateSchema, type Item, type ItemCreateInput } from "@/lib/items/schemas";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { ItemFields } from "./item-fields";
import styles from "./items.module.css";
import type * as items from "@/lib/api/operations/items";
import type { ReplyOf } from "@/lib/api/operation";

export function ItemCreateForm({ onCreated }: { onCreated: (item: Item) => void }) {
  const nameRef = useRef<HTMLInputElement>(null);
  const { busy, errors, formError, formRef, alertRef, handleSubmit, handleInput } = useFormSubmit({
    schema: ItemCreateSchema,
    send: (input: ItemCreateInput) => api<ReplyOf<typeof items.createItem>>("/api/items", { method: "POST", body: input }),
    onSuccess: (item, element) => {
      element.reset();
      nameRef.current?.focus();
      onCreated(item);
    },
    fieldForCode: { item_name_taken: { field: "name" } },
  });

  return (
    <section className={`card ${styles.createCard}`} aria-labelledby="add-heading">
      <h2 id="add-heading">Add an item</h2>
      <FormAlert message={formError} title="Couldn't add the item" alertRef={alertRef} />
      <form ref={formRef} className={styles.createForm} aria-labelledby="add-heading" onSubmit={handleSubmit} onInput={handleInput} noValidate>
        <ItemFields errors={errors} nameRef={nameRef} />
        <div>
          <SubmitButton busy={busy} busyLabel="Adding…">
            Add item
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
