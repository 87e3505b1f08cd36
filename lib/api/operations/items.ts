// Each user's own items. Ownership is in every query (lib/items/service.ts): another
// user's item is answered exactly like one that does not exist.
import { COMMON_ERRORS } from "@/lib/api/errors";
import { defineOperation } from "@/lib/api/operation";
import {
  ITEM_EXAMPLE,
  ItemCreateSchema,
  ItemIdParamsSchema,
  ItemListSchema,
  ItemSchema,
  ItemsQuerySchema,
  ItemUpdateSchema,
} from "@/lib/items/schemas";

const notYours = { ...COMMON_ERRORS.notFound, description: "No item with this id, or not yours." };
const nameTaken = {
  status: 409,
  codes: ["item_name_taken"],
  description: "You already have an item of that name (ignoring case).",
} as const;

export const listItems = defineOperation({
  id: "listItems",
  method: "GET",
  path: "/api/items",
  tag: "Items",
  summary: "Your items, a page at a time",
  description:
    "Cursor pagination: pass `nextCursor` back as `cursor` (with the same `sort`) until it is null. " +
    "No item is skipped or repeated while items are added.",
  access: "user",
  query: ItemsQuerySchema,
  success: { status: 200, description: "A page of items.", schema: ItemListSchema, example: { items: [ITEM_EXAMPLE], nextCursor: null } },
});

export const createItem = defineOperation({
  id: "createItem",
  method: "POST",
  path: "/api/items",
  tag: "Items",
  summary: "Add an item",
  access: "user",
  body: { schema: ItemCreateSchema, required: true, example: { name: "Desk lamp", price: "12.50", description: "Brass, 40 cm" } },
  success: { status: 201, description: "The new item.", schema: ItemSchema, headers: ["Location", "ETag"], example: ITEM_EXAMPLE },
  errors: [nameTaken],
});

export const getItem = defineOperation({
  id: "getItem",
  method: "GET",
  path: "/api/items/[id]",
  tag: "Items",
  summary: "One of your items",
  description: "With `If-None-Match` naming the current `ETag` (or `*`), 304 and no body: the copy you hold is current.",
  access: "user",
  params: ItemIdParamsSchema,
  requestHeaders: ["IfNoneMatch"],
  success: { status: 200, description: "The item.", schema: ItemSchema, headers: ["ETag"], example: ITEM_EXAMPLE },
  notModified: { description: "Not modified: `If-None-Match` names the item's current `ETag`." },
  errors: [notYours],
});

export const updateItem = defineOperation({
  id: "updateItem",
  method: "PATCH",
  path: "/api/items/[id]",
  tag: "Items",
  summary: "Change an item",
  description: "Send only the fields to change. With `If-Match`, the change is made only if nobody changed the item since.",
  access: "user",
  params: ItemIdParamsSchema,
  requestHeaders: ["IfMatch"],
  body: { schema: ItemUpdateSchema, required: true, example: { price: "9.99" } },
  success: {
    status: 200,
    description: "The changed item.",
    schema: ItemSchema,
    headers: ["ETag"],
    example: { ...ITEM_EXAMPLE, price: "9.99", updatedAt: "2025-01-16T08:00:00.000Z" },
  },
  errors: [
    notYours,
    nameTaken,
    { status: 412, codes: ["precondition_failed"], description: "`If-Match` does not match the item's current `ETag`." },
  ],
});

export const deleteItem = defineOperation({
  id: "deleteItem",
  method: "DELETE",
  path: "/api/items/[id]",
  tag: "Items",
  summary: "Delete an item",
  access: "user",
  params: ItemIdParamsSchema,
  success: { status: 204, description: "Deleted." },
  errors: [notYours],
});
