// The list's opaque cursor: the sort order and the last item's position in it (its sort
// key and id), base64url-encoded JSON. Positions are values, not offsets, so items added
// or deleted between pages never shift the next page (keyset pagination). The cursor is
// not secret: a hand-made one can only point into the caller's own list.
import { z } from "zod";
import { HttpError } from "@/lib/http/problem";
import { PRICE_PATTERN } from "@/lib/items/price";
import { ITEM_SORTS, type ItemSort } from "@/lib/items/schemas";
import { UUID_PATTERN } from "@/lib/ids";

export type Position = { key: string; id: string };

/** Item ids as the database stores them; anything else cannot name an item. */

const CursorSchema = z.tuple([z.enum(ITEM_SORTS), z.string().max(400), z.string().regex(UUID_PATTERN)]);

// What a sort key must look like, so a tampered cursor is a 400 and never a database error.
const KEY_RULES: Record<string, (key: string) => boolean> = {
  // ISO 8601 has a year 0000 and PostgreSQL has none (1 BC is its 0001 BC): years 1 to 9999 only.
  created: (key) => z.iso.datetime().safeParse(key).success && !key.startsWith("0000"),
  price: (key) => PRICE_PATTERN.test(key),
  // PostgreSQL text cannot hold NUL: such a key was never written by encodeCursor.
  name: (key) => key.length > 0 && !key.includes("\u0000"),
};

export function encodeCursor(sort: ItemSort, position: Position): string {
  return Buffer.from(JSON.stringify([sort, position.key, position.id])).toString("base64url");
}

/** The position a cursor points at; 400 when it is malformed or from another sort order. */
export function decodeCursor(cursor: string, sort: ItemSort): Position {
  const parsed = CursorSchema.safeParse(parseJson(Buffer.from(cursor, "base64url").toString("utf8")));
  if (!parsed.success) throw badCursor("This is not a cursor from this list. Start again without it.");
  const [cursorSort, key, id] = parsed.data;
  if (cursorSort !== sort) {
    throw badCursor("This cursor belongs to another sort order. Start again without it.");
  }
  if (!KEY_RULES[sort.replace("-", "")]?.(key)) {
    throw badCursor("This is not a cursor from this list. Start again without it.");
  }
  return { key, id };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function badCursor(message: string): HttpError {
  return new HttpError(400, {
    code: "validation_failed",
    detail: "The cursor is not valid.",
    errors: [{ path: "cursor", message }],
  });
}
