// Item request and response shapes, written once: they validate requests, give the
// TypeScript types, drive the forms' client-side checks and the OpenAPI document.
// Imported by the browser too, so nothing here may touch the server.
import { z } from "zod";
import { parsePrice, PRICE_MESSAGES, PRICE_PATTERN } from "@/lib/items/price";

// PostgreSQL refuses NUL in text: caught here as a 400, not later as a 500.
const noNul = (value: string) => !value.includes("\u0000");

export const ItemNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, { error: "Enter a name." })
  .max(100, { error: "Use at most 100 characters." })
  .refine(noNul, { error: "Remove the invisible control characters from the name." })
  .meta({ description: "Trimmed; unique among your items, ignoring case.", example: "Desk lamp" });

const unionFailure = (input: unknown) =>
  input == null ? "required" : typeof input === "number" ? "notFinite" : "notNumber";

export const PriceInputSchema = z
  // zod's number() refuses Infinity and NaN before parsePrice sees them.
  .union([z.number(), z.string()], { error: (issue) => PRICE_MESSAGES[unionFailure(issue.input)] })
  .transform((value, ctx) => {
    const result = parsePrice(value);
    if (result.ok) return result.price;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  })
  .meta({
    description: "A JSON number or a numeric string, 0 to 99999999.99, at most 2 decimals. Stored exactly.",
    example: "12.50",
  });

export const DescriptionSchema = z
  .string({ error: "Enter the description as text." })
  .trim()
  .max(1000, { error: "Use at most 1000 characters." })
  .refine(noNul, { error: "Remove the invisible control characters from the description." })
  .nullable()
  // An emptied description field means "no description".
  .transform((text) => (text ? text : null))
  .meta({ description: "Optional, at most 1000 characters; empty or null clears it.", example: "Brass, 40 cm" });

const notAnObject = { error: "Send the item as a JSON object." };

export const ItemCreateSchema = z
  .object({ name: ItemNameSchema, price: PriceInputSchema, description: DescriptionSchema.optional() }, notAnObject)
  .meta({ id: "ItemCreateRequest", example: { name: "Desk lamp", price: "12.50", description: "Brass, 40 cm" } });

export const ItemUpdateSchema = z
  .object({
    name: ItemNameSchema.optional(),
    price: PriceInputSchema.optional(),
    description: DescriptionSchema.optional(),
  }, notAnObject)
  // Unknown fields are dropped, so `{}` and `{"nmae": "x"}` both land here.
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    error: "Send at least one of name, price or description to change.",
  })
  .meta({ id: "ItemUpdateRequest", minProperties: 1, example: { price: 9.99 } });

/** One item as the API answers it: the OpenAPI document's example, written once. */
export const ITEM_EXAMPLE = {
  id: "01936f90-1b2c-7d3e-8f40-5a6b7c8d9e0f",
  name: "Desk lamp",
  price: "12.50",
  description: "Brass, 40 cm",
  createdAt: "2025-01-15T09:45:00.000Z",
  updatedAt: "2025-01-15T09:45:00.000Z",
};

export const ItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    price: z.string().regex(PRICE_PATTERN).meta({ description: "Two decimal places, exact." }),
    description: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({
    id: "Item",
    example: ITEM_EXAMPLE,
  });

export const ItemIdParamsSchema = z.object({
  id: z.string().meta({ description: "An item id from the list or from `Location`.", example: ITEM_EXAMPLE.id }),
});

export const ItemListSchema = z
  .object({
    items: z.array(ItemSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  })
  .meta({ id: "ItemList" });

export const ITEM_SORTS = ["created", "-created", "name", "-name", "price", "-price"] as const;
/** The list as it comes when nothing else is asked for; the items page starts from it too. */
export const ITEM_PAGE_DEFAULTS = { limit: 20, maxLimit: 100, sort: "-created" } as const satisfies {
  limit: number;
  maxLimit: number;
  sort: (typeof ITEM_SORTS)[number];
};

export const ItemsQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "Use a whole number from 1 to 100." })
    .int({ error: "Use a whole number from 1 to 100." })
    .min(1, { error: "Use a limit of at least 1." })
    .max(ITEM_PAGE_DEFAULTS.maxLimit, { error: "Use a limit of at most 100." })
    .default(ITEM_PAGE_DEFAULTS.limit)
    .meta({ description: "Items per page, 1 to 100." }),
  // Empty means none, and is the example: clients generated from the document (Postman,
  // Insomnia) send every parameter, with its example or else a made-up "string".
  cursor: z
    .string()
    .max(2000, { error: "Not a cursor from this list." })
    .transform((cursor) => (cursor === "" ? undefined : cursor))
    .optional()
    .meta({
      description: "The `nextCursor` of the previous page, with the same `sort`; empty for the first page.",
      example: "",
    }),
  q: z
    .string()
    .trim()
    .max(100, { error: "Search for at most 100 characters." })
    .transform((q) => (q === "" ? undefined : q))
    .optional()
    .meta({ description: "Only items whose name contains this, ignoring case; empty for all.", example: "" }),
  sort: z
    .enum(ITEM_SORTS, { error: `Sort by one of ${ITEM_SORTS.join(", ")}.` })
    .default(ITEM_PAGE_DEFAULTS.sort)
    .meta({ description: "A leading `-` sorts descending. Ties are broken by id." }),
});

export type ItemCreateInput = z.output<typeof ItemCreateSchema>;
export type ItemUpdateInput = z.output<typeof ItemUpdateSchema>;
export type Item = z.output<typeof ItemSchema>;
/** One page of the list (the OpenAPI component keeps its published name, ItemList). */
export type PageOfItems = z.output<typeof ItemListSchema>;
export type ItemsQuery = z.output<typeof ItemsQuerySchema>;
export type ItemSort = (typeof ITEM_SORTS)[number];
