"use client";
// Data a server page rendered into its HTML, standing in for a hook's first fetch. Once
// only: the App Router keeps a visited page's payload and renders it again on back and
// forward, the very same objects, and by then the data may be old (an item added since).
import { useCallback, useRef } from "react";

const mounted = new WeakSet<object>();

/**
 * `isServed(key)`, for the effect that would fetch the data of `key`: true while
 * `initial` stands for it. That is only for the key the component mounted with, and only
 * on the visit the server rendered `initial` for; after the first other key, never again.
 */
export function useServedData(initial: object | undefined, key: string): (key: string) => boolean {
  const mountedWith = useRef({ initial, key });
  // undefined: not decided yet; null: nothing served (any more).
  const servedKey = useRef<string | null | undefined>(undefined);
  return useCallback((current: string) => {
    if (servedKey.current === undefined) {
      // Decided once per component: Strict Mode's second mount of it is not a replay.
      const { initial: data, key: first } = mountedWith.current;
      servedKey.current = data !== undefined && !mounted.has(data) ? first : null;
      if (data !== undefined) mounted.add(data);
    }
    if (servedKey.current !== current) servedKey.current = null;
    return servedKey.current !== null;
  }, []);
}
