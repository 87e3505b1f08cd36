"use client";
// Loads one API resource for a component: loading, data or error, and a reload.
// A newer load supersedes an older one (its answer is dropped, its request aborted).
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/api-client";

export type ApiData<T> =
  | { status: "loading"; data: T | null; error: null }
  | { status: "ready"; data: T; error: null }
  | { status: "error"; data: T | null; error: unknown };

export function useApiData<T>(path: string, version = 0) {
  const [state, setState] = useState<ApiData<T>>({ status: "loading", data: null, error: null });
  const controller = useRef<AbortController | null>(null);

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
    void load();
    return () => controller.current?.abort();
  }, [load, version]);

  return { ...state, reload: load };
}
