// Each sort order as a keyset: an ORDER BY over (sort key, id) that one of the items
// indexes serves as it stands, and WHERE ranges that start right after a cursor's
// position. No OFFSET anywhere, so page 1000 costs what page 1 costs. Written as SQL
// fragments for the list's one query (lib/items/service.ts): every column name comes
// from the table below, every value is a parameter.
import "server-only";
import type { Prisma } from "@/lib/db";
import type { Position } from "@/lib/items/cursor";
import type { ItemSort } from "@/lib/items/schemas";

/** The columns a list query must select for keyOf(). */
export type KeyedRow = { id: string; createdAt: Date; price: Prisma.Decimal; nameKey: string };

type Spec = { column: "created_at" | "price" | "name_key"; cast: string; descending: boolean };

const SPECS: Record<ItemSort, Spec> = {
  created: { column: "created_at", cast: "timestamptz", descending: false },
  "-created": { column: "created_at", cast: "timestamptz", descending: true },
  name: { column: "name_key", cast: "text", descending: false },
  "-name": { column: "name_key", cast: "text", descending: true },
  // A decimal string, compared as an exact decimal by PostgreSQL, never as a float.
  price: { column: "price", cast: "numeric", descending: false },
  "-price": { column: "price", cast: "numeric", descending: true },
};

// name_key is unique per owner, so it orders the list alone and its unique index
// (owner_id, name_key) serves the query; the others need the id to break ties.
const isUnique = (spec: Spec) => spec.column === "name_key";

/**
 * The ORDER BY of a sort. Qualified by the table: a bare name there would mean an output
 * column first, and the list selects `price::text AS price`, which sorts "12.30" before "5.00".
 */
export function keysetOrder(sort: ItemSort): string {
  const spec = SPECS[sort];
  const direction = spec.descending ? "DESC" : "ASC";
  const key = `items.${spec.column} ${direction}`;
  return isUnique(spec) ? key : `${key}, items.id ${direction}`;
}

/** A condition of a range, with its values numbered from `$${first}`. */
export type Range = { sql: string; values: unknown[] };

/**
 * Everything after `position` in the sort order, as consecutive ranges to read in turn:
 * the rest of the position's tie group (same key, later id), then every later key.
 * One `key > k OR (key = k AND id > i)` would select the same rows, but PostgreSQL can
 * only start its index scan at `key >= k` and filter the tie group row by row (a
 * thousand items at 9.99 is a thousand rows read per page); each range here is an exact
 * index range, so a page costs the same however long the list or the tie.
 */
export function keysetAfter(sort: ItemSort, position: Position, first: number): Range[] {
  const spec = SPECS[sort];
  const after = spec.descending ? "<" : ">";
  const key = `$${first}::${spec.cast}`;
  const laterKeys = { sql: `${spec.column} ${after} ${key}`, values: [position.key] };
  if (isUnique(spec)) return [laterKeys];
  const tieGroup = { sql: `${spec.column} = ${key} AND id ${after} $${first + 1}::uuid`, values: [position.key, position.id] };
  return [tieGroup, laterKeys];
}

/** The sort key of a row as a cursor stores it: exact, so the next page starts exactly there. */
export function keyOf(sort: ItemSort, row: KeyedRow): string {
  const { column } = SPECS[sort];
  if (column === "created_at") return row.createdAt.toISOString();
  if (column === "price") return row.price.toFixed(2);
  return row.nameKey;
}
