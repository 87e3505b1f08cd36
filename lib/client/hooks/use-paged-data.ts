"use client";
// A list loaded a page at a time (cursor pagination), read through useRead: its first
// page from the server's HTML, the next ones on request. Local edits (`update`) keep the
// list from reloading and jumping around after every change.
import { useCallback, useRef, useState } from "react";
import { useRead } from "@/lib/client/hooks/use-read";

export type Paged<Row> = { rows: Row[]; nextCursor: string | null };

/**
 * Fetches one page: from the start (cursor null) or after a cursor. `size`, when given,
 * is how many rows are wanted from the start (at least a page's worth; the API's maximum
 * at most).
 */
export type FetchPage<Row> = (cursor: string | null, signal: AbortSignal, size?: number) => Promise<Paged<Row>>;

type Options<Row> = {
  /** What is listed (e.g. the search and sort); the fetch must be for this key. */
  key: string;
  /** Stable (useCallback) for one key: a new function means new data. */
  fetchPage: FetchPage<Row>;
  /** The first page for `key`'s view as the server page read it, and the key it was read for. */
  served?: { key: string; page: Paged<Row> } | undefined;
};

const IDLE = { loading: false, error: null as unknown };
const NO_ROWS: never[] = [];

export function usePagedData<Row extends { id: string }>({ key, fetchPage, served }: Options<Row>) {
  const [more, setMore] = useState(IDLE);
  // How many rows the next read from the start should bring (see refresh).
  const wanted = useRef<number | undefined>(undefined);
  const readFirst = useCallback(
    (signal: AbortSignal) => {
      const size = wanted.current;
      wanted.current = undefined;
      setMore(IDLE);
      return fetchPage(null, signal, size);
    },
    [fetchPage],
  );
  const first = useRead({ key, read: readFirst, served: served?.page, servedKey: served?.key });
  const rows: Row[] = first.data?.rows ?? NO_ROWS;
  const nextCursor = first.data?.nextCursor ?? null;

  /** Loads the next page; resolves to how many new rows arrived. */
  async function loadMore(): Promise<number> {
    if (!nextCursor || more.loading) return 0;
    const signal = first.signal();
    setMore({ loading: true, error: null });
    try {
      const page = await fetchPage(nextCursor, signal);
      if (signal.aborted) return 0;
      // A row changed or created here may also come back in a later page: keep one.
      const known = new Set(rows.map((row) => row.id));
      const fresh = page.rows.filter((row) => !known.has(row.id));
      first.update((shown) => ({ rows: [...shown.rows, ...fresh], nextCursor: page.nextCursor }));
      setMore(IDLE);
      return fresh.length;
    } catch (error) {
      if (!signal.aborted) setMore({ loading: false, error });
      return 0;
    }
  }

  /**
   * Reads the shown rows again, and one more, in the database's order: where a newly
   * created row belongs is the server's to say (its collation, its ties), not a guess here.
   */
  async function refresh(): Promise<Row[] | null> {
    wanted.current = rows.length + 1;
    return (await first.load({ quiet: true }))?.rows ?? null;
  }

  function update(change: (rows: Row[]) => Row[]) {
    first.update((shown) => ({ ...shown, rows: change(shown.rows) }));
  }

  const { status, error, shownKey, reload } = first;
  return { rows, nextCursor, status, error, shownKey, more, reload, loadMore, refresh, update };
}

export type PagedData<Row extends { id: string }> = ReturnType<typeof usePagedData<Row>>;
