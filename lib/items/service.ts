// Items, each owned by one user. Every function takes the owner first and puts it in the
// query's WHERE clause: another user's item is never read or written, and "nothing
// matched" becomes a 404 that does not reveal whether the id exists.
import "server-only";
import { getDb, Prisma, queryRows } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { HttpError } from "@/lib/http/problem";
import { decodeCursor, encodeCursor } from "@/lib/items/cursor";
import { isUuid } from "@/lib/ids";
import { etagOf, ifMatchVersions } from "@/lib/items/etag";
import { keyOf, keysetAfter, keysetOrder } from "@/lib/items/keyset";
import { itemSelect, nameKeyOf, toItem, type ItemRow } from "@/lib/items/rows";
import type { Item, ItemCreateInput, PageOfItems, ItemsQuery, ItemUpdateInput } from "@/lib/items/schemas";

/** An item and its ETag, for the handlers that answer one. */
export type VersionedItem = { item: Item; etag: string };

const versioned = (row: ItemRow): VersionedItem => ({ item: toItem(row), etag: etagOf(row.version) });

// LIKE's wildcards and its escape character, matched literally.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

const notFound = () => new HttpError(404, { code: "not_found", detail: "You have no item with this id." });

// The index decides races too: of two simultaneous creates with one name, one fails here.
function nameTakenOr(error: unknown): unknown {
  if (!isUniqueViolation(error)) return error;
  return new HttpError(409, {
    code: "item_name_taken",
    detail: "You already have an item with this name.",
    errors: [{ path: "name", message: "You already have an item with this name." }],
  });
}

export async function createItem(ownerId: string, input: ItemCreateInput): Promise<VersionedItem> {
  const db = await getDb();
  const data = { ownerId, name: input.name, nameKey: nameKeyOf(input.name), price: input.price, description: input.description ?? null };
  try {
    return versioned(await db.item.create({ data, select: itemSelect }));
  } catch (error) {
    throw nameTakenOr(error);
  }
}

// The list's columns under the names of ItemRow; the price as text, so neither driver
// turns a decimal into a float on the way.
const LIST_SELECT = `SELECT id, name, name_key AS "nameKey", price::text AS price, description, version,
  created_at AS "createdAt", updated_at AS "updatedAt" FROM items`;

/**
 * A page of the owner's items: the hottest read of the API, so it is one SQL statement
 * through the driver (lib/db queryRows) rather than Prisma's query builder, which costs
 * more CPU than the rest of the request (docs/decisions/0013-items-list-in-sql.md).
 */
export async function listItems(ownerId: string, query: ItemsQuery): Promise<PageOfItems> {
  const { sort, limit } = query;
  const owned = ["owner_id = $1::uuid"];
  const values: unknown[] = [ownerId];
  if (query.q) {
    values.push(`%${escapeLike(query.q.toLowerCase())}%`);
    owned.push(`name_key LIKE $${values.length}`);
  }
  const ranges = query.cursor ? keysetAfter(sort, decodeCursor(query.cursor, sort), values.length + 1) : [null];
  // One row more than the page tells whether another page follows.
  const rows: ItemRow[] = [];
  for (const range of ranges) {
    if (rows.length > limit) break;
    const where = range ? [...owned, range.sql] : owned;
    const params = [...values, ...(range?.values ?? []), limit + 1 - rows.length];
    const text = `${LIST_SELECT} WHERE ${where.join(" AND ")} ORDER BY ${keysetOrder(sort)} LIMIT $${params.length}`;
    const found = await queryRows<Omit<ItemRow, "price"> & { price: string }>(text, params);
    rows.push(...found.map((row) => ({ ...row, price: new Prisma.Decimal(row.price) })));
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(sort, { key: keyOf(sort, last), id: last.id }) : null;
  return { items: page.map(toItem), nextCursor };
}

export async function getItem(ownerId: string, id: string): Promise<VersionedItem> {
  if (!isUuid(id)) throw notFound();
  const db = await getDb();
  const row = await db.item.findFirst({ where: { id, ownerId }, select: itemSelect });
  if (!row) throw notFound();
  return versioned(row);
}

/**
 * Applies a patch in one conditional UPDATE: owner, and version when If-Match names
 * one, are part of its WHERE, so a concurrent change makes it match nothing (412)
 * instead of being overwritten.
 */
export async function updateItem(ownerId: string, id: string, patch: ItemUpdateInput, ifMatch?: string | null): Promise<VersionedItem> {
  if (!isUuid(id)) throw notFound();
  const versions = ifMatchVersions(ifMatch);
  const conditional = Array.isArray(versions);
  const db = await getDb();
  let rows: ItemRow[];
  try {
    rows = await db.item.updateManyAndReturn({
      where: { id, ownerId, ...(conditional ? { version: { in: versions } } : {}) },
      data: { ...changes(patch), version: { increment: 1 } },
      select: itemSelect,
    });
  } catch (error) {
    throw nameTakenOr(error);
  }
  if (rows[0]) return versioned(rows[0]);
  // Nothing changed, so this read only tells the client why: stale version or no such item.
  if (conditional && (await db.item.count({ where: { id, ownerId } })) > 0) {
    throw new HttpError(412, { code: "precondition_failed", detail: "The item changed since you read it. Reload it and try again." });
  }
  throw notFound();
}

function changes(patch: ItemUpdateInput): Prisma.ItemUpdateManyMutationInput {
  return {
    ...(patch.name !== undefined ? { name: patch.name, nameKey: nameKeyOf(patch.name) } : {}),
    ...(patch.price !== undefined ? { price: patch.price } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
  };
}

export async function deleteItem(ownerId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const db = await getDb();
  const { count } = await db.item.deleteMany({ where: { id, ownerId } });
  if (count === 0) throw notFound();
}
