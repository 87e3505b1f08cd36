"use client";
// Editing an item in place of its row. The caret starts in Name; Escape cancels.
// The form keeps to the latest version of the item: if it was changed elsewhere, the
// form shows those values and says so, instead of saving over them.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Form } from "@/app/_components/form";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { fillItemFields, ItemFields } from "./item-fields";
import { ItemChangedError, useItemVersion, type LatestReason } from "./use-item-version";
import { ItemUpdateSchema, type Item } from "@/lib/items/schemas";
import { Button } from "@/app/_components/button";
import styles from "./items.module.css";

type ItemEditFormProps = {
  item: Item;
  onSaved: (item: Item) => void;
  onCancel: () => void;
  /** Newer values arrived from the server: the list should show them too. */
  onLatest: (item: Item) => void;
  onGone: () => void;
};

const CHANGED_SINCE_SAVE = "This item was changed somewhere else. Here is the latest version: review it and save again.";
const CHANGED_SINCE_LIST = "This item was changed somewhere else since the list was loaded. The form shows its latest version.";

export function ItemEditForm({ item, onSaved, onCancel, onLatest, onGone }: ItemEditFormProps) {
  const nameRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const version = useItemVersion(item, { onLatest: showLatest, onGone });
  const form = useFormSubmit({
    schema: ItemUpdateSchema,
    // The schema's output is valid input: a trimmed name, a two-decimal price, and null
    // for an emptied description (which clears it).
    send: version.save,
    onSuccess: (saved) => onSaved(saved),
    fieldForCode: { item_name_taken: { field: "name" } },
    // Focus goes to this message, just above the refilled fields.
    describeFailure: (error) => (error instanceof ItemChangedError ? CHANGED_SINCE_SAVE : undefined),
  });

  useEffect(() => {
    nameRef.current?.focus();
    nameRef.current?.select();
  }, []);

  function showLatest(latest: Item, reason: LatestReason) {
    fillItemFields(form.formRef.current, latest);
    onLatest(latest);
    // After a refused save the alert says it all; on opening, a quieter note does.
    setNotice(reason === "opened" ? CHANGED_SINCE_LIST : null);
    // Typing still replaces the whole name, as it would have without the refill.
    if (reason === "opened" && document.activeElement === nameRef.current) nameRef.current?.select();
  }

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") onCancel();
  }

  return (
    <Form
      form={form}
      failure="Couldn't save"
      notice={notice}
      alertsInside
      className={styles.editForm}
      onKeyDown={handleKeyDown}
      aria-label={`Edit ${item.name}`}
    >
      <ItemFields errors={form.errors} item={item} nameRef={nameRef} />
      <div className={styles.rowActions}>
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Save
        </SubmitButton>
        <Button onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
