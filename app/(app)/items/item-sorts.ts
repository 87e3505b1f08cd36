// The list's sort orders, as the user picks them, in the order the menu offers them. The
// orders themselves are the API's (ITEM_SORTS in lib/items/schemas.ts), and so is the
// sorting: the database's (collation, ties broken by id), never the page's own.
import { ITEM_PAGE_DEFAULTS, ITEM_SORTS, type ItemSort } from "@/lib/items/schemas";

// A label for every sort the API offers: a new one fails to type-check until it has one.
const LABELS: Readonly<Record<ItemSort, string>> = {
  "-created": "Newest first",
  created: "Oldest first",
  name: "Name, A to Z",
  "-name": "Name, Z to A",
  price: "Price, low to high",
  "-price": "Price, high to low",
};

export const SORTS = Object.entries(LABELS).map(([value, label]) => ({ value: value as ItemSort, label }));

export type Sort = ItemSort;

export const DEFAULT_SORT: Sort = ITEM_PAGE_DEFAULTS.sort;

export function isSort(value: string): value is Sort {
  return (ITEM_SORTS as readonly string[]).includes(value);
}
