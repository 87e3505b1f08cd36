// One operation of the document from a short description: the request (query, body,
// path parameters), the success response, and the error responses, where the errors
// every operation of a kind can give (bad body, missing token, database down) are
// added here rather than repeated in each description.
import type { z } from "zod";
import type { API_ROUTES, ApiRoute } from "@/lib/auth/routes";
import type { ErrorCode } from "@/lib/http/problem";
import type { JsonSchema, SchemaComponents } from "@/lib/openapi/json-schema";
import { problemResponse, type ErrorSpec } from "@/lib/openapi/problems";
import type { Operation, Parameter, Reference, RequestBody, ResponseObject, SecurityRequirement } from "@/lib/openapi/types";
import { COMMON_ERRORS } from "@/lib/openapi/errors";

export type Access = "public" | "token" | SecurityRequirement[];

export type OperationSpec = {
  id: string;
  summary: string;
  description?: string;
  tag: "Auth" | "Account recovery" | "Sessions" | "Items" | "Admin" | "Meta";
  access: Access;
  query?: z.ZodObject;
  pathParameter?: { description: string; example: string };
  headers?: readonly Reference[];
  body?: { schema: z.ZodType; required: boolean; form?: boolean; example: Record<string, unknown> };
  success: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: z.ZodType | JsonSchema;
    headers?: readonly string[];
    example?: unknown;
  };
  errors?: readonly ErrorSpec[];
  /** False for an operation that never touches the database (the document itself): no 503. */
  database?: boolean;
};

export const TOKEN_SECURITY: SecurityRequirement[] = [{ bearerAuth: [] }, { accessTokenCookie: [] }];

const isZod = (schema: z.ZodType | JsonSchema): schema is z.ZodType => "safeParse" in schema;

export async function buildOperation(path: string, method: string, spec: OperationSpec, components: SchemaComponents): Promise<Operation> {
  const parameters = [...pathParameters(path, spec), ...queryParameters(spec, components), ...(spec.headers ?? [])];
  return {
    operationId: spec.id,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    security: spec.access === "public" ? [] : spec.access === "token" ? TOKEN_SECURITY : spec.access,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body ? { requestBody: requestBody(spec.body, components) } : {}),
    responses: {
      [String(spec.success.status)]: successResponse(spec.success, components),
      ...(await errorResponses(errorSpecs(method, spec))),
    },
  };
}

function pathParameters(path: string, spec: OperationSpec): Parameter[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name: name ?? "",
    in: "path" as const,
    required: true,
    description: spec.pathParameter?.description,
    schema: { type: "string" },
    example: spec.pathParameter?.example,
  }));
}

function queryParameters(spec: OperationSpec, components: SchemaComponents): Parameter[] {
  if (!spec.query) return [];
  const object = components.convert(spec.query, "input");
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = typeof schema === "boolean" ? { description: undefined } : schema;
    return { name, in: "query" as const, required: required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

function requestBody(body: NonNullable<OperationSpec["body"]>, components: SchemaComponents): RequestBody {
  const schema = components.convert(body.schema, "input");
  const content: RequestBody["content"] = { "application/json": { schema, example: body.example } };
  if (body.form) content["application/x-www-form-urlencoded"] = { schema, example: body.example };
  return { required: body.required, content };
}

function successResponse(success: OperationSpec["success"], components: SchemaComponents): ResponseObject {
  const headers = Object.fromEntries((success.headers ?? []).map((name) => [name, { $ref: `#/components/headers/${name}` }]));
  const schema = success.schema && (isZod(success.schema) ? components.convert(success.schema, "output") : success.schema);
  return {
    description: success.description,
    ...(success.headers ? { headers } : {}),
    ...(schema
      ? { content: { "application/json": { schema, ...(success.example !== undefined ? { example: success.example } : {}) } } }
      : {}),
  };
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function errorSpecs(method: string, spec: OperationSpec): ErrorSpec[] {
  const specs = [...(spec.errors ?? [])];
  if (spec.body) specs.push(COMMON_ERRORS.badBody, COMMON_ERRORS.slowBody, COMMON_ERRORS.tooLarge, COMMON_ERRORS.mediaType);
  if (spec.query) specs.push(COMMON_ERRORS.badQuery);
  if (spec.access === "token") specs.push(COMMON_ERRORS.unauthenticated);
  if (spec.access === "token" && UNSAFE.has(method)) specs.push(COMMON_ERRORS.crossSite);
  if (spec.database !== false) specs.push(COMMON_ERRORS.databaseDown);
  specs.push(COMMON_ERRORS.headersTooLarge);
  specs.push(COMMON_ERRORS.internal);
  return specs;
}

/** Merges the specs by status (403 can be csrf_failed or invalid_credentials) and builds them. */
async function errorResponses(specs: ErrorSpec[]): Promise<Record<string, ResponseObject>> {
  const byStatus = new Map<number, ErrorSpec>();
  for (const spec of specs) {
    const seen = byStatus.get(spec.status);
    byStatus.set(spec.status, seen ? merge(seen, spec) : spec);
  }
  const sorted = [...byStatus.values()].sort((a, b) => a.status - b.status);
  const built = await Promise.all(sorted.map(async (spec) => [String(spec.status), await problemResponse(spec)] as const));
  return Object.fromEntries(built);
}

function merge(a: ErrorSpec, b: ErrorSpec): ErrorSpec {
  const codes: ErrorCode[] = [...new Set([...a.codes, ...b.codes])];
  const headers = [...new Set([...(a.headers ?? []), ...(b.headers ?? [])])];
  return { status: a.status, codes, description: `${a.description} Or: ${b.description}`, ...(headers.length ? { headers } : {}) };
}

type Methods<P extends ApiRoute> = (typeof API_ROUTES)[P]["methods"][number];

/** One spec for each method of each route: the compiler refuses a missing or extra one. */
export type RouteOperations<R extends ApiRoute> = { [P in R]: { [M in Methods<P>]: OperationSpec } };
