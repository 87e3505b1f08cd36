// The items endpoints of the API contract, described for the OpenAPI document.
import type { ApiRoute } from "@/lib/auth/routes";
import {
  ITEM_EXAMPLE,
  ItemCreateSchema,
  ItemListSchema,
  ItemSchema,
  ItemsQuerySchema,
  ItemUpdateSchema,
} from "@/lib/items/schemas";
import { COMMON_ERRORS } from "@/lib/openapi/errors";
import type { RouteOperations } from "@/lib/openapi/operation";

type ItemRoute = Extract<ApiRoute, `/api/items${string}`>;

const ITEM_ID = { description: "An item id from the list or from `Location`.", example: ITEM_EXAMPLE.id };
const notYours = { ...COMMON_ERRORS.notFound, description: "No item with this id, or not yours." };
const nameTaken = {
  status: 409,
  codes: ["item_name_taken"],
  description: "You already have an item of that name (ignoring case).",
} as const;

export const ITEM_OPERATIONS = {
  "/api/items": {
    GET: {
      id: "listItems",
      tag: "Items",
      summary: "Your items, a page at a time",
      description:
        "Cursor pagination: pass `nextCursor` back as `cursor` (with the same `sort`) until it is null. " +
        "No item is skipped or repeated while items are added.",
      access: "token",
      query: ItemsQuerySchema,
      success: {
        status: 200,
        description: "A page of items.",
        schema: ItemListSchema,
        example: { items: [ITEM_EXAMPLE], nextCursor: null },
      },
    },
    POST: {
      id: "createItem",
      tag: "Items",
      summary: "Add an item",
      access: "token",
      body: { schema: ItemCreateSchema, required: true, example: { name: "Desk lamp", price: "12.50", description: "Brass, 40 cm" } },
      success: {
        status: 201,
        description: "The new item.",
        schema: ItemSchema,
        headers: ["Location", "ETag"],
        example: ITEM_EXAMPLE,
      },
      errors: [nameTaken],
    },
  },
  "/api/items/[id]": {
    GET: {
      id: "getItem",
      tag: "Items",
      summary: "One of your items",
      access: "token",
      pathParameter: ITEM_ID,
      success: { status: 200, description: "The item.", schema: ItemSchema, headers: ["ETag"], example: ITEM_EXAMPLE },
      errors: [notYours],
    },
    PATCH: {
      id: "updateItem",
      tag: "Items",
      summary: "Change an item",
      description: "Send only the fields to change. With `If-Match`, the change is made only if nobody changed the item since.",
      access: "token",
      pathParameter: ITEM_ID,
      headers: [{ $ref: "#/components/parameters/IfMatch" }],
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
    },
    DELETE: {
      id: "deleteItem",
      tag: "Items",
      summary: "Delete an item",
      access: "token",
      pathParameter: ITEM_ID,
      success: { status: 204, description: "Deleted." },
      errors: [notYours],
    },
  },
} satisfies RouteOperations<ItemRoute>;
