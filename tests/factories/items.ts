// Items for tests, made through the same service the API uses, plus a bulk insert for
// lists whose rows must share one created_at (ties that only the id can break).
import { getDb } from "@/lib/db";
import { nameKeyOf } from "@/lib/items/rows";
import type { Item } from "@/lib/items/schemas";
import { createItem, listItems } from "@/lib/items/service";

let counter = 0;

export type ItemOverrides = { name?: string; price?: string | number; description?: string | null };

/** A unique name per call, so tests never collide on the per-owner unique index. */
export function itemName(prefix = "item"): string {
  counter += 1;
  return `${prefix} ${counter} ${crypto.randomUUID().slice(0, 6)}`;
}

export async function createItemFor(ownerId: string, overrides: ItemOverrides = {}): Promise<Item> {
  const { item } = await createItem(ownerId, {
    name: overrides.name ?? itemName(),
    price: String(overrides.price ?? "9.99"),
    description: overrides.description ?? null,
  });
  return item;
}

/**
 * Inserts many items in one statement: every row gets the same created_at (one
 * transaction's now()), which is what makes the id tie-break matter.
 */
export async function insertItems(ownerId: string, rows: Array<{ name: string; price: string }>): Promise<void> {
  const db = await getDb();
  await db.item.createMany({
    data: rows.map((row) => ({ ownerId, name: row.name, nameKey: nameKeyOf(row.name), price: row.price })),
  });
}

/** Every item of an owner in one sort order, read through the service (no HTTP). */
export async function allItemsOf(ownerId: string, sort: "created" | "-created" | "name" | "-name" | "price" | "-price" = "created"): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await listItems(ownerId, { limit: 100, sort, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
