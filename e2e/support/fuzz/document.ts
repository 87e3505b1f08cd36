// What the fuzzer knows about the API, read from nothing but the OpenAPI document that
// the server serves: every operation with its parameters and body, and the error codes
// the document lists (the `code` enum of its Problem schema).
import { meta, urlOf } from "../api";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  examples?: unknown[];
};

type Parameter = { name: string; in: "path" | "query" | "header"; schema?: JsonSchema };

type RawOperation = {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
};

export type OpenApi = {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, JsonSchema>; parameters?: Record<string, Parameter> };
};

export type Operation = {
  id: string;
  method: string;
  /** The path template, e.g. `/api/items/{id}`. */
  path: string;
  /** Whether the document says it may be called without an access token. */
  public: boolean;
  query: { name: string; schema: JsonSchema }[];
  /** The body's schema (references resolved) and the media types it is accepted in. */
  body: { schema: JsonSchema; mediaTypes: string[] } | null;
};

export async function readDocument(baseUrl: string): Promise<OpenApi> {
  const response = await fetch(urlOf(baseUrl, meta.getOpenApiDocument));
  if (!response.ok) throw new Error(`${meta.getOpenApiDocument.method} ${meta.getOpenApiDocument.path} answered ${response.status}`);
  return (await response.json()) as OpenApi;
}

/** Follows `$ref`s (to a depth that no sane document needs) and resolves nested ones. */
export function resolve(doc: OpenApi, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 10) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`Unresolved reference ${schema.$ref}`);
    return resolve(doc, target, depth + 1);
  }
  return {
    ...schema,
    ...(schema.properties
      ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(doc, v, depth + 1)])) }
      : {}),
    ...(schema.anyOf ? { anyOf: schema.anyOf.map((s) => resolve(doc, s, depth + 1)) } : {}),
  };
}

export function listOperations(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, raw]) => {
      const parameters = (raw.parameters ?? []).flatMap((p) => ("$ref" in p ? [] : [p]));
      const content = raw.requestBody?.content ?? {};
      const [first] = Object.values(content);
      return {
        id: raw.operationId,
        method: method.toUpperCase(),
        path,
        public: (raw.security ?? []).length === 0 || (raw.security ?? []).some((s) => Object.keys(s).length === 0),
        query: parameters.filter((p) => p.in === "query").map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: first ? { schema: resolve(doc, first.schema), mediaTypes: Object.keys(content) } : null,
      };
    }),
  );
}

/** The error codes the document lists: the enum of the Problem schema's `code`. */
export function listedCodes(doc: OpenApi): Set<string> {
  const codes = doc.components.schemas.Problem?.properties?.code?.enum;
  if (!codes || codes.length === 0) throw new Error("The document lists no error codes (Problem.code.enum)");
  return new Set(codes.map(String));
}
