"use client";
// The loaded part of the user's items for one search and sort: the first page, then
// more on request (cursor pagination), plus local edits after create, save and delete
// so the list does not reload and jump around after every change. The first page can
// come with the server's HTML, and is then not fetched again.
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/api-client";
import { useServedData } from "@/app/_components/use-served-data";
import { insertInOrder, matchesQuery, type Sort } from "./item-order";
import { pageQuery } from "./list-query";
import type { Item, PageOfItems } from "@/lib/items/schemas";

export type ListStatus = "loading" | "ready" | "error";

type ListState = {
  items: Item[];
  nextCursor: string | null;
  status: ListStatus;
  error: unknown;
  /** The search and sort the shown items belong to (they lag while a new search loads). */
  shownFor: { query: string; sort: Sort } | null;
};

const LOADING: ListState = { items: [], nextCursor: null, status: "loading", error: null, shownFor: null };

function startFrom(firstPage: PageOfItems | undefined, query: string, sort: Sort): ListState {
  if (!firstPage) return LOADING;
  return { items: firstPage.items, nextCursor: firstPage.nextCursor, status: "ready", error: null, shownFor: { query, sort } };
}

const viewKey = (query: string, sort: Sort) => JSON.stringify([query, sort]);

function fetchPage(query: string, sort: Sort, cursor: string | null, signal: AbortSignal) {
  return api<PageOfItems>("/api/items", { query: pageQuery(query, sort, cursor), signal });
}

/** `firstPage`: the first page for the search and sort the list starts with, read by the server. */
export function useItemsList(query: string, sort: Sort, firstPage?: PageOfItems) {
  const [state, setState] = useState<ListState>(() => startFrom(firstPage, query, sort));
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const controller = useRef<AbortController | null>(null);
  const isServed = useServedData(firstPage, viewKey(query, sort));

  const loadFirst = useCallback(async () => {
    controller.current?.abort();
    const current = (controller.current = new AbortController());
    setState((s) => ({ ...s, status: "loading", error: null }));
    setMore({ loading: false, error: null });
    try {
      const page = await fetchPage(query, sort, null, current.signal);
      if (current.signal.aborted) return;
      setState({ items: page.items, nextCursor: page.nextCursor, status: "ready", error: null, shownFor: { query, sort } });
    } catch (error) {
      if (!current.signal.aborted) setState((s) => ({ ...s, status: "error", error }));
    }
  }, [query, sort]);

  useEffect(() => {
    if (!isServed(viewKey(query, sort))) void loadFirst();
    return () => controller.current?.abort();
  }, [loadFirst, isServed, query, sort]);

  /** Loads the next page; resolves to how many new items arrived. */
  async function loadMore(): Promise<number> {
    if (!state.nextCursor || more.loading) return 0;
    // A page the server rendered had no request to abort: a new search or sort aborts this one.
    const signal = (controller.current ??= new AbortController()).signal;
    setMore({ loading: true, error: null });
    try {
      const page = await fetchPage(query, sort, state.nextCursor, signal);
      if (signal.aborted) return 0;
      // An item renamed or created here may also come back in a later page: keep one.
      const known = new Set(state.items.map((item) => item.id));
      const fresh = page.items.filter((item) => !known.has(item.id));
      setState((s) => ({ ...s, items: [...s.items, ...fresh], nextCursor: page.nextCursor }));
      setMore({ loading: false, error: null });
      return fresh.length;
    } catch (error) {
      if (!signal.aborted) setMore({ loading: false, error });
      return 0;
    }
  }

  /** Puts a created item in its place; false when the search or the unloaded pages hide it. */
  function add(item: Item): boolean {
    if (!matchesQuery(item, query)) return false;
    const next = insertInOrder(state.items, item, sort, state.nextCursor !== null);
    if (next) setState((s) => ({ ...s, items: next }));
    return next !== null;
  }

  function replace(item: Item) {
    setState((s) => ({ ...s, items: s.items.map((existing) => (existing.id === item.id ? item : existing)) }));
  }

  function remove(id: string) {
    setState((s) => ({ ...s, items: s.items.filter((item) => item.id !== id) }));
  }

  return { ...state, more, reload: loadFirst, loadMore, add, replace, remove };
}
