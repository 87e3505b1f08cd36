"use client";
// One item: shown, edited in place, or asking to confirm its deletion. When a mode
// ends, focus goes back to the button that started it.
import { useEffect, useRef, useState } from "react";
import { formatPrice } from "@/lib/client/format";
import type { Item } from "@/lib/items/schemas";
import { ItemDeleteConfirm } from "./item-delete-confirm";
import { ItemEditForm } from "./item-edit-form";
import { Button } from "@/app/_components/button";
import styles from "./items.module.css";

type Mode = "view" | "edit" | "delete";

type ItemRowProps = {
  item: Item;
  onSaved: (item: Item) => void;
  onDeleted: (item: Item) => void;
  /** Newer values of the item, found while editing it. */
  onLatest: (item: Item) => void;
  /** The item turned out to be deleted elsewhere. */
  onGone: (item: Item) => void;
};

export function ItemRow({ item, onSaved, onDeleted, onLatest, onGone }: ItemRowProps) {
  const [mode, setMode] = useState<Mode>("view");
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<"edit" | "delete" | null>(null);

  useEffect(() => {
    if (mode !== "view" || returnTo.current === null) return;
    (returnTo.current === "edit" ? editRef : deleteRef).current?.focus();
    returnTo.current = null;
  }, [mode]);

  function back(from: "edit" | "delete") {
    returnTo.current = from;
    setMode("view");
  }

  if (mode === "edit") {
    return (
      <li className={`${styles.row} ${styles.rowEditing}`}>
        <ItemEditForm
          item={item}
          onSaved={(saved) => {
            onSaved(saved);
            back("edit");
          }}
          onCancel={() => back("edit")}
          onLatest={onLatest}
          onGone={() => onGone(item)}
        />
      </li>
    );
  }

  const nameId = `item-${item.id}-name`;
  return (
    <li className={styles.row} tabIndex={-1} aria-labelledby={nameId}>
      <div className={styles.rowMain}>
        <h3 id={nameId} className={styles.itemName}>
          {item.name}
        </h3>
        {item.description ? <p className={styles.description}>{item.description}</p> : null}
      </div>
      <p className={styles.price}>
        <span className="visually-hidden">Price: </span>
        {formatPrice(item.price)}
      </p>
      {mode === "delete" ? (
        <ItemDeleteConfirm item={item} onDeleted={() => onDeleted(item)} onCancel={() => back("delete")} />
      ) : (
        <div className={styles.rowActions}>
          <Button ref={editRef} small onClick={() => setMode("edit")}>
            Edit<span className="visually-hidden"> {item.name}</span>
          </Button>
          <Button ref={deleteRef} variant="quiet-danger" small onClick={() => setMode("delete")}>
            Delete<span className="visually-hidden"> {item.name}</span>
          </Button>
        </div>
      )}
    </li>
  );
}

/** Holds one row's space while the first page loads, so the list does not jump. */
export function ItemRowSkeleton() {
  return (
    <li className={styles.row} aria-hidden="true">
      <div className={styles.rowMain}>
        <span className={`skeleton ${styles.skeletonName}`} />
        <span className={`skeleton ${styles.skeletonText}`} />
      </div>
      <span className={`skeleton ${styles.skeletonPrice}`} />
      <div className={styles.rowActions}>
        <span className={`skeleton ${styles.skeletonButton}`} />
        <span className={`skeleton ${styles.skeletonButton}`} />
      </div>
    </li>
  );
}
