// The list's sort orders, as the user picks them. The order itself is the database's
// (collation, ties broken by id): the page never sorts items on its own.
import type { ItemSort } from "@/lib/items/schemas";

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
