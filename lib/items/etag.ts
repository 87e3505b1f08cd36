// Items' entity tags: the row's version, which every change bumps, as a strong ETag
// (RFC 9110 §8.8.3). If-Match uses the strong comparison (§13.1.1), so weak tags and
// anything that is not one of ours simply never match; If-None-Match the weak one
// (§13.1.2), which ignores the W/ prefix.

export const etagOf = (version: number) => `"${version}"`;

/** Any current version of the item will do. */
export type AnyVersion = "*";

/**
 * The versions an If-Match header accepts: null without the header (no condition),
 * "*" for any, else the list of versions named (possibly empty: nothing can match).
 */
export function ifMatchVersions(header: string | null | undefined): number[] | AnyVersion | null {
  if (header === null || header === undefined) return null;
  if (header.trim() === "*") return "*";
  return [...header.matchAll(/(?:^|,)\s*"(\d{1,9})"\s*(?=,|$)/g)].map((match) => Number(match[1]));
}

// One entity-tag of a list: an optional W/, then the quoted opaque tag (§8.8.3).
const LISTED_TAG = /(?:^|,)\s*(?:W\/)?("[^"]*")\s*(?=,|$)/g;

/** Whether an If-None-Match header names `etag` (or is `*`): the client's copy is current. */
export function ifNoneMatchNames(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === "*") return true;
  return [...header.matchAll(LISTED_TAG)].some((match) => match[1] === etag);
}
