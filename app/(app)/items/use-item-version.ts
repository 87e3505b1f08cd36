"use client";
// The version of an item that an edit is based on: the values the form shows and the
// ETag they came with (RFC 9110 §8.8.3). A save sends that ETag as If-Match, so a change
// made elsewhere in the meantime is refused (412) instead of silently overwritten.
import { useEffect, useEffectEvent, useRef } from "react";
import { items } from "@/lib/api/endpoints";
import { ApiError, callWithHeaders } from "@/lib/client/api";
import type { Item, ItemUpdateInput } from "@/lib/items/schemas";

/** The item changed elsewhere since the form was filled; the form now shows the latest. */
export class ItemChangedError extends Error {
  override name = "ItemChangedError";
}

export type LatestReason = "opened" | "conflict";

type Handlers = {
  /** Other values than the form shows are current: put them in the form and the list. */
  onLatest: (item: Item, reason: LatestReason) => void;
  /** The item was deleted elsewhere. */
  onGone: () => void;
};

type Version = { item: Item; etag: string | null };

const sameValues = (a: Item, b: Item) => a.name === b.name && a.price === b.price && a.description === b.description;

const isStatus = (error: unknown, status: number) => error instanceof ApiError && error.status === status;

async function fetchVersion(id: string, signal?: AbortSignal): Promise<Version> {
  const { data, headers } = await callWithHeaders(items.getItem, { params: { id }, signal });
  return { item: data, etag: headers.get("etag") };
}

export function useItemVersion(item: Item, handlers: Handlers) {
  // The values the form was filled with; replaced (a new object) only when they change.
  const base = useRef(item);
  // Null until loaded. The API always sends one; should a proxy strip it, saves go
  // out unconditional, as before this check existed, rather than not at all.
  const etag = useRef<string | null>(null);
  const opening = useRef<Promise<void> | null>(null);

  /** Makes `latest` the base of the edit; true when its values differ from the form's. */
  function adopt(latest: Version): boolean {
    etag.current = latest.etag;
    if (sameValues(base.current, latest.item)) return false;
    base.current = latest.item;
    return true;
  }

  async function latestOrGone(signal?: AbortSignal): Promise<Version> {
    try {
      return await fetchVersion(base.current.id, signal);
    } catch (error) {
      if (isStatus(error, 404)) handlers.onGone();
      throw error;
    }
  }

  const open = useEffectEvent(async (signal: AbortSignal) => {
    try {
      const latest = await latestOrGone(signal);
      if (adopt(latest)) handlers.onLatest(latest.item, "opened");
    } catch {
      // Not shown here: saving loads the version again and reports its own failure.
    }
  });

  useEffect(() => {
    const controller = new AbortController();
    opening.current = open(controller.signal);
    return () => controller.abort();
  }, [item.id]);

  async function save(patch: ItemUpdateInput): Promise<Item> {
    const shown = base.current;
    await opening.current;
    if (etag.current === null) adopt(await latestOrGone());
    // The values the user edited are no longer the latest: they must see those first.
    if (base.current !== shown) return conflict();
    try {
      const saved = await callWithHeaders(items.updateItem, {
        params: { id: shown.id },
        body: patch,
        headers: etag.current ? { "if-match": etag.current } : {},
      });
      etag.current = saved.headers.get("etag");
      base.current = saved.data;
      return saved.data;
    } catch (error) {
      if (isStatus(error, 404)) handlers.onGone();
      if (!isStatus(error, 412)) throw error;
    }
    // Saved elsewhere in between. Even with the same values the form shows the latest
    // version again, in place of the user's edits, which were based on an older one.
    adopt(await latestOrGone());
    return conflict();
  }

  function conflict(): never {
    handlers.onLatest(base.current, "conflict");
    throw new ItemChangedError();
  }

  return { save };
}
