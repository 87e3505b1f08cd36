// Between item rows and item responses: the columns a query selects (never more than a
// response and a cursor need) and how a row becomes the API's item.
import "server-only";
import type { Prisma } from "@/lib/db";
import type { Item } from "@/lib/items/schemas";

export const itemSelect = {
  id: true,
  name: true,
  nameKey: true,
  price: true,
  description: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type ItemRow = Prisma.ItemGetPayload<{ select: typeof itemSelect }>;

export function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    name: row.name,
    // Decimal to string digit by digit: 0.1 stays "0.10", never 0.1000000000000000055.
    price: row.price.toFixed(2),
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The case-insensitive key behind the unique index (owner_id, name_key) and the name sort.
 * A lower-cased name can outgrow the name ("İ" becomes two characters), so the key is cut
 * to the column's 100 characters rather than failing the request.
 */
export const nameKeyOf = (name: string) => Array.from(name.toLowerCase()).slice(0, 100).join("");
