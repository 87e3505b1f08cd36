"use client";
// The pages' one way to show API data: a list loaded a page at a time (cursor
// pagination), or a single page such as the sessions. It starts from the first page the
// server page rendered into the HTML and does not fetch it again; a new `key` (another
// search or sort) or `version` loads its first page, and a newer load supersedes an older
// one (its answer is dropped, its request aborted). Local edits (`update`) keep the list
// from reloading and jumping around after every change.
import { useCallback, useEffect, useRef, useState } from "react";
import { useServedData } from "@/lib/client/hooks/use-served-data";

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
  /** Bumped when something else changed the data: the first page loads again. */
  version?: number;
};

type State<Row> = Paged<Row> & {
  status: "loading" | "ready" | "error";
  error: unknown;
  /** The key the shown rows belong to (they lag while another key loads); null before any. */
  shownKey: string | null;
};

const IDLE = { loading: false, error: null as unknown };

function ready<Row>(page: Paged<Row>, key: string): State<Row> {
  return { rows: page.rows, nextCursor: page.nextCursor, status: "ready", error: null, shownKey: key };
}

export function usePagedData<Row extends { id: string }>({ key, fetchPage, served, version = 0 }: Options<Row>) {
  const initial = served?.key === key ? served.page : undefined;
  const [state, setState] = useState<State<Row>>(() =>
    initial ? ready(initial, key) : { rows: [], nextCursor: null, status: "loading", error: null, shownKey: null },
  );
  const [more, setMore] = useState(IDLE);
  const controller = useRef<AbortController | null>(null);
  const isServed = useServedData(initial, `${version} ${key}`);

  /** Loads the first page again; `quiet` keeps the rows shown as they are until it arrives. */
  const load = useCallback(
    async ({ quiet = false, size }: { quiet?: boolean; size?: number } = {}): Promise<Row[] | null> => {
      controller.current?.abort();
      const current = (controller.current = new AbortController());
      if (!quiet) setState((s) => ({ ...s, status: "loading", error: null }));
      setMore(IDLE);
      try {
        const page = await fetchPage(null, current.signal, size);
        if (current.signal.aborted) return null;
        setState(ready(page, key));
        return page.rows;
      } catch (error) {
        if (!current.signal.aborted) setState((s) => ({ ...s, status: "error", error }));
        return null;
      }
    },
    [fetchPage, key],
  );

  useEffect(() => {
    if (!isServed(`${version} ${key}`)) void load();
    return () => controller.current?.abort();
  }, [load, isServed, key, version]);

  /** Loads the next page; resolves to how many new rows arrived. */
  async function loadMore(): Promise<number> {
    if (!state.nextCursor || more.loading) return 0;
    // A page the server rendered had no request to abort: a new key aborts this one.
    const signal = (controller.current ??= new AbortController()).signal;
    setMore({ loading: true, error: null });
    try {
      const page = await fetchPage(state.nextCursor, signal);
      if (signal.aborted) return 0;
      // A row changed or created here may also come back in a later page: keep one.
      const known = new Set(state.rows.map((row) => row.id));
      const fresh = page.rows.filter((row) => !known.has(row.id));
      setState((s) => ({ ...s, rows: [...s.rows, ...fresh], nextCursor: page.nextCursor }));
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
  function refresh(): Promise<Row[] | null> {
    return load({ quiet: true, size: state.rows.length + 1 });
  }

  function update(change: (rows: Row[]) => Row[]) {
    setState((s) => ({ ...s, rows: change(s.rows) }));
  }

  return { ...state, more, reload: () => load(), loadMore, refresh, update };
}

export type PagedData<Row extends { id: string }> = ReturnType<typeof usePagedData<Row>>;
