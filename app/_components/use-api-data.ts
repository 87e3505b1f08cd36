"use client";
// Loads one API resource for a component: loading, data or error, and a reload.
// A newer load supersedes an older one (its answer is dropped, its request aborted).
// Given `initial` (the same JSON, read by the server page), it starts ready with that
// and does not fetch on mount; `reload()` and a new `version` still do.
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/api-client";
import { useServedData } from "@/app/_components/use-served-data";

export type ApiData<T> =
  | { status: "loading"; data: T | null; error: null }
  | { status: "ready"; data: T; error: null }
  | { status: "error"; data: T | null; error: unknown };

type Options<T> = { version?: number; initial?: T };

export function useApiData<T extends object>(path: string, { version = 0, initial }: Options<T> = {}) {
  const [state, setState] = useState<ApiData<T>>(() =>
    initial === undefined ? { status: "loading", data: null, error: null } : { status: "ready", data: initial, error: null },
  );
  const controller = useRef<AbortController | null>(null);
  const isServed = useServedData(initial, `${version} ${path}`);

  const load = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState((s) => ({ status: "loading", data: s.data, error: null }));
    try {
      const data = await api<T>(path, { signal: current.signal });
      if (!current.signal.aborted) setState({ status: "ready", data, error: null });
    } catch (error) {
      if (!current.signal.aborted) setState((s) => ({ status: "error", data: s.data, error }));
    }
  }, [path]);

  useEffect(() => {
    if (!isServed(`${version} ${path}`)) void load();
    return () => controller.current?.abort();
  }, [load, isServed, path, version]);

  return { ...state, reload: load };
}
