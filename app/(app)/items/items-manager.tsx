"use client";
// The items page: add, find, sort, page through, edit and delete. Every change is
// announced in words, and focus lands where the user will want to continue.
import { useRef, useState } from "react";
import { Announcer } from "@/app/_components/announcer";
import { useDebouncedValue } from "@/app/_components/use-debounced-value";
import type { Sort } from "./item-order";
import type { Item, PageOfItems } from "@/lib/items/schemas";
import { ItemCreateForm } from "./item-create-form";
import { ItemsList } from "./items-list";
import { ItemsToolbar } from "./items-toolbar";
import { FIRST_VIEW } from "./list-query";
import { useItemsList } from "./use-items-list";
import styles from "./items.module.css";

// Long enough to skip a request per keystroke, short enough to feel immediate.
const SEARCH_DELAY_MS = 300;

/** `firstPage`: the first page of the list as the user first sees it, read by the server. */
export function ItemsManager({ firstPage }: { firstPage: PageOfItems }) {
  const [search, setSearch] = useState(FIRST_VIEW.query);
  const [sort, setSort] = useState<Sort>(FIRST_VIEW.sort);
  const query = useDebouncedValue(search, SEARCH_DELAY_MS);
  const list = useItemsList(query, sort, firstPage);
  const [message, setMessage] = useState("");
  // News the user did not cause (a row vanishing) is also shown, not only read out.
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function announce(text: string, { visible = false } = {}) {
    setMessage(text);
    setNotice(visible ? text : null);
  }

  function handleCreated(item: Item) {
    const shown = list.add(item);
    announce(shown ? `Added “${item.name}”.` : `Added “${item.name}”. It isn't shown with the current search or page.`);
  }

  function handleSaved(item: Item) {
    list.replace(item);
    announce(`Saved “${item.name}”.`);
  }

  function handleDeleted(item: Item) {
    list.remove(item.id);
    announce(`Deleted “${item.name}”.`);
  }

  function handleGone(item: Item) {
    list.remove(item.id);
    announce(`“${item.name}” was deleted somewhere else, so it has been removed from the list.`, { visible: true });
  }

  return (
    <>
      <Announcer message={message} />
      <ItemCreateForm onCreated={handleCreated} />
      <section className={`card ${styles.listCard}`} aria-labelledby="items-heading">
        <div className={styles.listHeader}>
          <h2 id="items-heading" ref={headingRef} tabIndex={-1}>
            Your items
          </h2>
          <ItemsToolbar search={search} onSearch={setSearch} sort={sort} onSort={setSort} />
        </div>
        {notice ? <p className="notice">{notice}</p> : null}
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
