"use client";
import { useEffect, useRef, type RefObject } from "react";
import { describeError } from "@/lib/client/describe-error";
import { LoadError } from "@/app/_components/load-error";
import type { Item } from "@/lib/items/schemas";
import { ItemRow, ItemRowSkeleton } from "./item-row";
import type { ItemsListData } from "./use-items-list";
import { Button } from "@/app/_components/button";
import styles from "./items.module.css";
import { countOf } from "@/lib/client/format";

type ItemsListProps = {
  list: ItemsListData;
  query: string;
  searching: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onSaved: (item: Item) => void;
  onDeleted: (item: Item) => void;
  onGone: (item: Item) => void;
};

const SKELETON_ROWS = 4;

export function ItemsList({ list, query, searching, headingRef, onSaved, onDeleted, onGone }: ItemsListProps) {
  const rowsRef = useRef<HTMLUListElement>(null);
  // After "load more" focus moves to the first new row; after a delete, to the row that
  // took its place (or the heading, when none is left). Applied once the rows render.
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    if (focusIndex.current === null) return;
    const row = rowsRef.current?.children[focusIndex.current];
    focusIndex.current = null;
    if (row instanceof HTMLElement) row.focus();
    else headingRef.current?.focus();
  }, [list.items, headingRef]);

  /** Deleted here (`onDeleted`) or found deleted elsewhere (`onGone`): the row goes. */
  function removeRow(item: Item, report: (item: Item) => void) {
    const index = list.items.findIndex((existing) => existing.id === item.id);
    focusIndex.current = Math.min(index, list.items.length - 2);
    report(item);
  }

  async function handleLoadMore() {
    const before = list.items.length;
    focusIndex.current = before;
    if ((await list.loadMore()) === 0) focusIndex.current = null;
  }

  const firstLoad = list.shownFor === null;
  if (list.status === "error" && firstLoad) {
    return <LoadError what="your items" error={list.error} onRetry={list.reload} />;
  }
  const busy = list.status === "loading" || searching;
  const noMatch = !busy && list.status === "ready" && list.items.length === 0 && Boolean(list.shownFor?.query);
  return (
    <div className={styles.listBody}>
      {/* With no match the empty state below says so on screen: this line only reads it out. */}
      <p className={noMatch ? "visually-hidden" : `muted ${styles.listStatus}`} role="status" aria-live="polite">
        {statusText(list, query, busy)}
      </p>
      {list.status === "error" ? <LoadError what="your items" error={list.error} onRetry={list.reload} /> : null}
      <ul ref={rowsRef} className={styles.rows} aria-labelledby="items-heading" aria-busy={busy} data-stale={busy && !firstLoad}>
        {firstLoad ? Array.from({ length: SKELETON_ROWS }, (_, i) => <ItemRowSkeleton key={i} />) : null}
        {list.items.map((item) => (
          <ItemRow
            key={item.id}
            item={item}
            onSaved={onSaved}
            onDeleted={(deleted) => removeRow(deleted, onDeleted)}
            onLatest={list.replace}
            onGone={(gone) => removeRow(gone, onGone)}
          />
        ))}
      </ul>
      {list.status === "ready" && list.items.length === 0 ? <EmptyState query={list.shownFor?.query ?? ""} /> : null}
      {list.more.error ? (
        <p className={styles.moreError} role="alert">
          Couldn&apos;t load more items. {describeError(list.more.error)}
        </p>
      ) : null}
      {list.nextCursor ? (
        <Button className={styles.loadMore} onClick={handleLoadMore} busy={list.more.loading}>
          {list.more.loading ? "Loading more…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}

function statusText(list: ItemsListData, query: string, busy: boolean): string {
  if (list.shownFor === null) return "Loading your items…";
  if (busy) return query ? "Searching…" : "Loading…";
  const count = list.items.length;
  const more = list.nextCursor ? " so far" : "";
  if (list.shownFor.query && count === 0) return `No items match “${list.shownFor.query}”.`;
  if (list.shownFor.query) return `${countOf(count, "item")} matching “${list.shownFor.query}”${more}.`;
  return count === 0 ? "" : `${countOf(count, "item")}${more}.`;
}

function EmptyState({ query }: { query: string }) {
  if (query) {
    return (
      <div className={styles.empty}>
        <p className={styles.emptyTitle}>No items match “{query}”.</p>
        <p className="muted">Try fewer letters, or clear the search to see everything.</p>
      </div>
    );
  }
  return (
    <div className={styles.empty}>
      <p className={styles.emptyTitle}>No items yet</p>
      <p className="muted">Add your first one above: a name and a price are all it takes.</p>
    </div>
  );
}
