// Each sort order as a keyset: an ORDER BY over (sort key, id) that one of the items
// indexes serves as it stands, and WHERE ranges that start right after a cursor's
// position. No OFFSET anywhere, so page 1000 costs what page 1 costs.
import type { Prisma } from "@/lib/db";
import type { Position } from "@/lib/items/cursor";
import type { ItemSort } from "@/lib/items/schemas";

type Where = Prisma.ItemWhereInput;
type Column = "createdAt" | "price" | "nameKey";
type Bound = "gt" | "lt" | "equals";

/** The columns a list query must select for keyOf(). */
export type KeyedRow = { id: string; createdAt: Date; price: Prisma.Decimal; nameKey: string };

type Spec = { column: Column; descending: boolean };

const SPECS: Record<ItemSort, Spec> = {
  created: { column: "createdAt", descending: false },
  "-created": { column: "createdAt", descending: true },
  name: { column: "nameKey", descending: false },
  "-name": { column: "nameKey", descending: true },
  price: { column: "price", descending: false },
  "-price": { column: "price", descending: true },
};

// nameKey is unique per owner, so it orders the list alone and its unique index
// (owner_id, name_key) serves the query; the others need the id to break ties.
const isUnique = (column: Column) => column === "nameKey";

export function keysetOrder(sort: ItemSort): Prisma.ItemOrderByWithRelationInput[] {
  const { column, descending } = SPECS[sort];
  const direction = descending ? "desc" : "asc";
  const order: Prisma.ItemOrderByWithRelationInput[] = [{ [column]: direction }];
  return isUnique(column) ? order : [...order, { id: direction }];
}

/**
 * Everything after `position` in the sort order, as consecutive ranges to read in turn:
 * the rest of the position's tie group (same key, later id), then every later key.
 * One `key > k OR (key = k AND id > i)` would select the same rows, but PostgreSQL can
 * only start its index scan at `key >= k` and filter the tie group row by row (a
 * thousand items at 9.99 is a thousand rows read per page); each range here is an exact
 * index range, so a page costs the same however long the list or the tie.
 */
export function keysetAfter(sort: ItemSort, position: Position): Where[] {
  const { column, descending } = SPECS[sort];
  const after: Bound = descending ? "lt" : "gt";
  const laterKeys = compare(column, after, position.key);
  if (isUnique(column)) return [laterKeys];
  return [{ AND: [compare(column, "equals", position.key), { id: { [after]: position.id } }] }, laterKeys];
}

/** The sort key of a row as a cursor stores it: exact, so the next page starts exactly there. */
export function keyOf(sort: ItemSort, row: KeyedRow): string {
  const { column } = SPECS[sort];
  if (column === "createdAt") return row.createdAt.toISOString();
  if (column === "price") return row.price.toFixed(2);
  return row.nameKey;
}

function compare(column: Column, bound: Bound, key: string): Where {
  if (column === "createdAt") return { createdAt: { [bound]: new Date(key) } };
  // A decimal string: compared as an exact decimal by PostgreSQL, never as a float.
  if (column === "price") return { price: { [bound]: key } };
  return { nameKey: { [bound]: key } };
}
