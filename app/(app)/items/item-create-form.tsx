"use client";
// Adding an item. After it is added the form empties and the caret returns to Name,
// ready for the next one; the list announces the new item.
import { useRef } from "react";
import { items } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { ItemCreateSchema, type Item, type ItemCreateInput } from "@/lib/items/schemas";
import { Form } from "@/app/_components/form";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { ItemFields } from "./item-fields";
import styles from "./items.module.css";

export function ItemCreateForm({ onCreated }: { onCreated: (item: Item) => void }) {
  const nameRef = useRef<HTMLInputElement>(null);
  const form = useFormSubmit({
    schema: ItemCreateSchema,
    send: (input: ItemCreateInput) => call(items.createItem, { body: input }),
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
      <Form form={form} failure="Couldn't add the item" className={styles.createForm} aria-labelledby="add-heading">
        <ItemFields errors={form.errors} nameRef={nameRef} />
        <div>
          <SubmitButton busy={form.busy} busyLabel="Adding…">
            Add item
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
