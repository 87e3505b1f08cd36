"use client";
// The user's items for one search and sort, through the pages' one data hook: the first
// page from the server's HTML, then more on request, plus local edits after save and
// delete. A created item is placed by asking the API again for what is shown.
import { useCallback } from "react";
import { items } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { ITEM_PAGE_DEFAULTS, type Item } from "@/lib/items/schemas";
import { usePagedData, type FetchPage, type Paged } from "@/lib/client/hooks/use-paged-data";
import type { Sort } from "./item-sorts";
import { pageQuery, PAGE_SIZE, viewKey, viewOfKey, type View } from "./list-query";

/** `served`: the first page the server read (as the server sent it: see useServedData), and its view. */
export function useItemsList(query: string, sort: Sort, served?: { view: View; page: Paged<Item> }) {
  const fetchPage = useCallback<FetchPage<Item>>(
    async (cursor, signal, size) => {
      const limit = size === undefined ? PAGE_SIZE : Math.min(ITEM_PAGE_DEFAULTS.maxLimit, Math.max(PAGE_SIZE, size));
      const page = await call(items.listItems, { query: { ...pageQuery(query, sort, cursor), limit }, signal });
      return { rows: page.items, nextCursor: page.nextCursor };
    },
    [query, sort],
  );
  const list = usePagedData({
    key: viewKey({ query, sort }),
    fetchPage,
    served: served && { key: viewKey(served.view), page: served.page },
  });

  /** Shows a created item where the database puts it; false when the search or the unloaded pages hide it. */
  async function add(item: Item): Promise<boolean> {
    const rows = await list.refresh();
    return rows?.some((row) => row.id === item.id) ?? false;
  }

  const replace = (item: Item) => list.update((rows) => rows.map((row) => (row.id === item.id ? item : row)));
  const remove = (id: string) => list.update((rows) => rows.filter((row) => row.id !== id));

  /** The search and sort the shown items belong to (they lag while a new search loads). */
  const shownFor = list.shownKey === null ? null : viewOfKey(list.shownKey);
  return { ...list, items: list.rows, shownFor, add, replace, remove };
}

export type ItemsListData = ReturnType<typeof useItemsList>;
