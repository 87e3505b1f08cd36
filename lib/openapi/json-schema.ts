// Turns zod schemas into the JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of the
// document's components. Every schema with a `.meta({ id })` becomes one component
// that others $ref; requests are converted as zod *input* (what a client may send:
// before defaults, coercion and transforms), responses as *output* (what the server
// sends). One id must mean one shape: a clash between the two is a bug in the schemas.
import { z } from "zod";

export type JsonSchema = z.core.JSONSchema.BaseSchema;
export type Io = "input" | "output";

const COMPONENT_PREFIX = "#/components/schemas/";

export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  /** The JSON Schema of a zod schema: a $ref when it has an id, else inline. */
  convert(schema: z.ZodType, io: Io): JsonSchema {
    const { $schema: _dialect, $defs = {}, ...root } = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "throw",
    });
    for (const [id, definition] of Object.entries($defs)) this.add(id, tidy(definition));
    return tidy(root);
  }

  private add(id: string, definition: JsonSchema): void {
    const existing = this.schemas[id];
    if (existing && JSON.stringify(existing) !== JSON.stringify(definition)) {
      throw new Error(`Schema "${id}" differs between requests and responses; give each its own id.`);
    }
    this.schemas[id] = definition;
  }
}

// Keywords whose value is a schema, a list of schemas, or a map of names to schemas.
const SUBSCHEMA = ["items", "additionalProperties", "not", "contains", "propertyNames"] as const;
const SUBSCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"] as const;
const SUBSCHEMA_MAPS = ["properties", "patternProperties"] as const;

/**
 * Points local refs at the components, drops per-schema `$id`s and turns OpenAPI's
 * deprecated `example` into JSON Schema's `examples` (OpenAPI 3.1 §4.8.24.1).
 */
function tidy(schema: JsonSchema): JsonSchema {
  const { $id: _id, example, ...out } = schema as JsonSchema & { example?: unknown };
  if (typeof out.$ref === "string") out.$ref = out.$ref.replace("#/$defs/", COMPONENT_PREFIX);
  if (example !== undefined && out.examples === undefined) out.examples = [example];
  // zod bounds every int() by the safe-integer range: noise for a reader, true of JSON anyway.
  if (out.minimum === Number.MIN_SAFE_INTEGER) delete out.minimum;
  if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
  // Written through a plain record: the keyword lists mix three value shapes.
  const keywords = out as Record<string, unknown>;
  for (const key of SUBSCHEMA) keywords[key] = tidyAny(keywords[key]);
  for (const key of SUBSCHEMA_LISTS) {
    const list = keywords[key];
    if (Array.isArray(list)) keywords[key] = list.map(tidyAny);
  }
  for (const key of SUBSCHEMA_MAPS) {
    const map = keywords[key];
    if (isSchema(map)) {
      keywords[key] = Object.fromEntries(Object.entries(map).map(([name, sub]) => [name, tidyAny(sub)]));
    }
  }
  for (const key of Object.keys(keywords)) if (keywords[key] === undefined) delete keywords[key];
  return out;
}

const tidyAny = (value: unknown): unknown => (isSchema(value) ? tidy(value) : value);

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const componentRef = (id: string): JsonSchema => ({ $ref: `${COMPONENT_PREFIX}${id}` });
