// The list's sort orders, and where a newly created item belongs in what is already
// loaded: the same order the API uses, so "load more" neither skips nor repeats it.
import type { Item, ItemSort } from "@/lib/items/schemas";

export const SORTS: readonly { value: ItemSort; label: string }[] = [
  { value: "-created", label: "Newest first" },
  { value: "created", label: "Oldest first" },
  { value: "name", label: "Name, A to Z" },
  { value: "-name", label: "Name, Z to A" },
  { value: "price", label: "Price, low to high" },
  { value: "-price", label: "Price, high to low" },
];

export type Sort = ItemSort;

export const DEFAULT_SORT: Sort = "-created";

export function isSort(value: string): value is Sort {
  return SORTS.some((sort) => sort.value === value);
}

type Key = (item: Item) => string | number;

const KEYS: Record<"created" | "name" | "price", Key> = {
  created: (item) => item.createdAt,
  name: (item) => item.name.toLowerCase(),
  price: (item) => Number(item.price),
};

function compare(sort: Sort, a: Item, b: Item): number {
  const descending = sort.startsWith("-");
  const key = KEYS[sort.replace("-", "") as keyof typeof KEYS];
  const [x, y] = [key(a), key(b)];
  const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return descending ? -order : order;
}

/** The API's `q`: a case-insensitive match anywhere in the name. */
export function matchesQuery(item: Item, query: string): boolean {
  return item.name.toLowerCase().includes(query.trim().toLowerCase());
}

/**
 * The list with `item` in its place, or null when its place is past the loaded end
 * while more pages remain (it will arrive with "load more").
 */
export function insertInOrder(items: Item[], item: Item, sort: Sort, hasMore: boolean): Item[] | null {
  const index = items.findIndex((existing) => compare(sort, item, existing) < 0);
  if (index === -1) return hasMore ? null : [...items, item];
  return [...items.slice(0, index), item, ...items.slice(index)];
}
