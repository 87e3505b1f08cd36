"use client";
// The pages' one way to read API data, one record or one answer (the profile, the
// sessions); usePagedData builds lists on it. It starts from what the server page
// rendered into the HTML and does not read that again (useServedData); a new `key` (another
// search) or `version` (something else changed the data) reads again, and a newer read
// supersedes an older one: its answer is dropped, its request aborted.
import { useCallback, useEffect, useRef, useState } from "react";
import { useServedData } from "@/lib/client/hooks/use-served-data";

type Options<T> = {
  /** Stable (module-level, or useCallback) for one key: a new function means new data. */
  read: (signal: AbortSignal) => Promise<T>;
  /** What is read (e.g. a search and sort); the read must be for this key. */
  key?: string;
  /** What the server page rendered, for `servedKey` (the key the component mounts with when left out). */
  served?: T | undefined;
  servedKey?: string | undefined;
  /** Bumped when something else changed the data: it is read again. */
  version?: number;
};

type State<T> = {
  data: T | undefined;
  status: "loading" | "ready" | "error";
  error: unknown;
  /** The key the shown data belongs to (it lags while another key loads); null before any. */
  shownKey: string | null;
};

const ready = <T>(data: T, key: string): State<T> => ({ data, status: "ready", error: null, shownKey: key });

export function useRead<T extends object>({ read, key = "", served, servedKey = key, version = 0 }: Options<T>) {
  const initial = servedKey === key ? served : undefined;
  const [state, setState] = useState<State<T>>(() =>
    initial ? ready(initial, key) : { data: undefined, status: "loading", error: null, shownKey: null },
  );
  const controller = useRef<AbortController | null>(null);
  const isServed = useServedData(initial, `${version} ${key}`);

  /** Reads again; `quiet` keeps the data shown as it is until the answer arrives. */
  const load = useCallback(
    async ({ quiet = false }: { quiet?: boolean } = {}): Promise<T | null> => {
      controller.current?.abort();
      const current = (controller.current = new AbortController());
      if (!quiet) setState((s) => ({ ...s, status: "loading", error: null }));
      try {
        const data = await read(current.signal);
        if (current.signal.aborted) return null;
        setState(ready(data, key));
        return data;
      } catch (error) {
        if (!current.signal.aborted) setState((s) => ({ ...s, status: "error", error }));
        return null;
      }
    },
    [read, key],
  );

  useEffect(() => {
    if (!isServed(`${version} ${key}`)) void load();
    return () => controller.current?.abort();
  }, [load, isServed, key, version]);

  /** A local change (after a save), so that the data need not be read again. */
  function update(change: (data: T) => T) {
    setState((s) => (s.data === undefined ? s : { ...s, data: change(s.data) }));
  }

  /** The signal of the current read: a new key or read aborts what else goes with it. */
  function signal(): AbortSignal {
    // Data the server rendered had no request to abort: start one to tie to it.
    return (controller.current ??= new AbortController()).signal;
  }

  return { ...state, load, reload: () => load(), update, signal };
}
