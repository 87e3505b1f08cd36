"use client";
// A moment on the reader's clock. The server does not know the reader's time zone, so
// the HTML it renders, and the hydration that has to match that HTML, show UTC and say
// so; the render right after hydration shows local time. Rendered in the browser from
// the start (a client-side navigation), it is local at once.
import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime } from "@/lib/client/format";

const neverChanges = () => () => {};

export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const local = useSyncExternalStore(neverChanges, () => true, () => false);
  const zone = local ? "local" : "UTC";
  // A date alone is rarely a different day in UTC: not worth the word.
  const text = dateOnly ? formatDate(iso, zone) : `${formatDateTime(iso, zone)}${local ? "" : " UTC"}`;
  return <time dateTime={iso}>{text}</time>;
}
