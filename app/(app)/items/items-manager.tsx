"use client";
// The items page: add, find, sort, page through, edit and delete. Every change is
// shown and announced in words (the status message), and focus lands where the user will want to continue. The search
// and sort live in the page's URL.
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "next/navigation";
import { useStatus } from "@/app/_components/status-message";
import type { Paged } from "@/lib/client/hooks/use-paged-data";
import { useDebouncedValue } from "@/lib/client/hooks/use-debounced-value";
import type { Item } from "@/lib/items/schemas";
import type { Sort } from "./item-sorts";
import { ItemCreateForm } from "./item-create-form";
import { ItemsList } from "./items-list";
import { ItemsToolbar } from "./items-toolbar";
import { viewFromParams, viewHref, type View } from "./list-query";
import { useItemsList } from "./use-items-list";
import styles from "./items.module.css";

// Long enough to skip a request per keystroke, short enough to feel immediate.
const SEARCH_DELAY_MS = 300;

type ItemsManagerProps = {
  /** The first page of the list for `firstView`, read by the server page. */
  firstPage: Paged<Item>;
  /** The search and sort the server read from the URL. */
  firstView: View;
};

export function ItemsManager({ firstPage, firstView }: ItemsManagerProps) {
  // The URL as the browser has it now: after Back it may differ from what the server read.
  const params = useSearchParams();
  const [start] = useState(() => viewFromParams(params));
  const [search, setSearch] = useState(start.query);
  const [sort, setSort] = useState<Sort>(start.sort);
  const query = useDebouncedValue(search, SEARCH_DELAY_MS);
  const list = useItemsList(query, sort, { view: firstView, page: firstPage });
  const status = useStatus();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useShownViewInUrl({ query, sort });

  async function handleCreated(item: Item) {
    const shown = await list.add(item);
    status.show(shown ? `Added “${item.name}”.` : `Added “${item.name}”. It isn't shown with the current search or page.`);
  }

  function handleSaved(item: Item) {
    list.replace(item);
    status.show(`Saved “${item.name}”.`);
  }

  function handleDeleted(item: Item) {
    list.remove(item.id);
    status.show(`Deleted “${item.name}”.`);
  }

  function handleGone(item: Item) {
    list.remove(item.id);
    status.show(`“${item.name}” was deleted somewhere else, so it has been removed from the list.`);
  }

  return (
    <>
      <ItemCreateForm onCreated={(item) => void handleCreated(item)} />
      <section className={`card ${styles.listCard}`} aria-labelledby="items-heading">
        <div className={styles.listHeader}>
          <h2 id="items-heading" ref={headingRef} tabIndex={-1}>
            Your items
          </h2>
          <ItemsToolbar search={search} onSearch={setSearch} sort={sort} onSort={setSort} />
        </div>
        <ItemsList
          list={list}
          query={query}
          searching={search !== query}
          headingRef={headingRef}
          onSaved={handleSaved}
          onDeleted={handleDeleted}
          onGone={handleGone}
        />
      </section>
    </>
  );
}

/**
 * Keeps the URL on the view the list shows. The browser's own replaceState, which Next's
 * router follows (useSearchParams sees it), rather than router.replace: that would render
 * the server page again for every search, a second query for the page the list fetches
 * anyway. Replace, not push: Back leaves the page instead of undoing keystrokes.
 */
function useShownViewInUrl(view: View) {
  const { query, sort } = view;
  useEffect(() => {
    const href = viewHref(window.location.pathname, { query, sort });
    if (href !== window.location.pathname + window.location.search) window.history.replaceState(null, "", href);
  }, [query, sort]);
}
