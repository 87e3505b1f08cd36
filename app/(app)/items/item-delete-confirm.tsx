"use client";
// "Delete “Tea”?" in place of the row's buttons. Focus lands on the question so it is
// read out; Tab reaches the confirm button, Escape or Cancel backs out.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { items } from "@/lib/api/endpoints";
import { ApiError, call } from "@/lib/client/api";
import { describeError } from "@/lib/client/describe-error";
import type { Item } from "@/lib/items/schemas";
import { Button } from "@/app/_components/button";
import styles from "./items.module.css";

type ItemDeleteConfirmProps = { item: Item; onDeleted: () => void; onCancel: () => void };

export function ItemDeleteConfirm({ item, onDeleted, onCancel }: ItemDeleteConfirmProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const groupRef = useRef<HTMLDivElement>(null);

  useEffect(() => groupRef.current?.focus(), []);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await call(items.deleteItem, { params: { id: item.id } });
      onDeleted();
    } catch (failure) {
      // Already gone (deleted in another tab): the outcome the user asked for.
      if (failure instanceof ApiError && failure.status === 404) return onDeleted();
      setBusy(false);
      setError(describeError(failure));
    }
  }

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") onCancel();
  }

  const promptId = `delete-${item.id}-prompt`;
  return (
    <div ref={groupRef} className={styles.confirm} role="group" aria-labelledby={promptId} tabIndex={-1} onKeyDown={handleKeyDown}>
      <p id={promptId} className={styles.confirmText}>
        Delete “{item.name}”? This can&apos;t be undone.
      </p>
      <div className={styles.rowActions}>
        <Button variant="danger" small onClick={confirm} busy={busy}>
          {busy ? "Deleting…" : "Yes, delete"}
        </Button>
        <Button small onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <p className={styles.rowError} role="alert">
        {error}
      </p>
    </div>
  );
}
