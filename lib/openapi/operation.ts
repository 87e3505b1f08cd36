// One operation of the document, built from its description in lib/api/operations: the
// request (path parameters, query, headers, body), the success response, and the error
// responses, where the errors every operation of a kind can give (bad body, missing
// token, database down) are added here rather than repeated in each description.
import type { z } from "zod";
import { COMMON_ERRORS } from "@/lib/api/errors";
import type { ErrorSpec, Operation, SecurityRequirement } from "@/lib/api/operation";
import type { ErrorCode } from "@/lib/http/problem";
import type { SchemaComponents } from "@/lib/openapi/json-schema";
import { problemResponse } from "@/lib/openapi/problems";
import type { OperationObject, Parameter, RequestBody, ResponseObject, StepUpExtension } from "@/lib/openapi/types";

export const TOKEN_SECURITY: SecurityRequirement[] = [{ bearerAuth: [] }, { accessTokenCookie: [] }];

/** `/api/items/[id]` (the app folder) as `/api/items/{id}` (an OpenAPI path template). */
export const toOpenApiPath = (route: string) => route.replace(/\[([^\]]+)\]/g, "{$1}");

export async function buildOperation(operation: Operation, components: SchemaComponents): Promise<OperationObject> {
  const parameters = [
    ...objectParameters(operation.params, "path", components),
    ...objectParameters(operation.query, "query", components),
    ...(operation.requestHeaders ?? []).map((name) => ({ $ref: `#/components/parameters/${name}` })),
  ];
  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    security: security(operation),
    ...(operation.sensitive ? { "x-step-up": stepUpExtension(operation.sensitive) } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body ? { requestBody: requestBody(operation.body, components) } : {}),
    responses: {
      [String(operation.success.status)]: successResponse(operation, components),
      ...(operation.seeOther
        ? { "303": { description: operation.seeOther.description, headers: { Location: { $ref: "#/components/headers/Location" } } } }
        : {}),
      ...(operation.notModified ? { "304": notModifiedResponse(operation.notModified, operation) } : {}),
      ...(await errorResponses(errorSpecs(operation))),
    },
  };
}

/** `x-step-up`: what a sensitive operation needs (README: Step-up), for clients and generators to read. */
function stepUpExtension(sensitive: NonNullable<Operation["sensitive"]>): StepUpExtension {
  return {
    aal2_when_second_factor: true,
    max_age: "REAUTH_MAX_AGE",
    ...(sensitive === true ? {} : { password_counts: sensitive.passwordField }),
    challenge: "401 step_up_required, WWW-Authenticate: Bearer error=\"insufficient_user_authentication\" (RFC 9470)",
  };
}

function security(operation: Operation): SecurityRequirement[] {
  if (operation.access !== "public") return TOKEN_SECURITY;
  return [...(operation.credentials ?? [])];
}

/** Path or query parameters from a zod object: descriptions and examples at the parameter. */
function objectParameters(object: z.ZodObject | undefined, place: "path" | "query", components: SchemaComponents): Parameter[] {
  if (!object) return [];
  const converted = components.convert(object, "input");
  const required = new Set(converted.required ?? []);
  return Object.entries(converted.properties ?? {}).map(([name, schema]) => {
    const { description, examples, ...rest } = typeof schema === "boolean" ? { description: undefined, examples: undefined } : schema;
    const example = place === "path" && Array.isArray(examples) ? examples[0] : undefined;
    return {
      name,
      in: place,
      required: place === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: place === "path" ? rest : { ...rest, ...(examples ? { examples } : {}) },
      ...(example !== undefined ? { example } : {}),
    };
  });
}

function requestBody(body: NonNullable<Operation["body"]>, components: SchemaComponents): RequestBody {
  const schema = components.convert(body.schema, "input");
  const content: RequestBody["content"] = { "application/json": { schema, example: body.example } };
  if (body.form) content["application/x-www-form-urlencoded"] = { schema, example: body.example };
  return { required: body.required, content };
}

/** A 304 carries no body, but the success answer's headers (RFC 9110 §15.4.5). */
function notModifiedResponse(notModified: { description: string }, operation: Operation): ResponseObject {
  const names = successHeaders(operation);
  const headers = Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
  return { description: notModified.description, ...(names.length > 0 ? { headers } : {}) };
}

/** The success answer's headers: those the operation names, and Set-Cookie when it delivers or clears cookies. */
const successHeaders = (operation: Operation) => [...(operation.success.headers ?? []), ...(operation.delivers ? ["Set-Cookie"] : [])];

function successResponse(operation: Operation, components: SchemaComponents): ResponseObject {
  const { success } = operation;
  const names = successHeaders(operation);
  const headers = Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
  const schema = success.schema && components.convert(success.schema, "output");
  return {
    description: success.description,
    ...(names.length > 0 ? { headers } : {}),
    ...(schema
      ? { content: { "application/json": { schema, ...(success.example !== undefined ? { example: success.example } : {}) } } }
      : {}),
  };
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function errorSpecs(operation: Operation): ErrorSpec[] {
  const specs = [...(operation.errors ?? [])];
  if (operation.params) specs.push(COMMON_ERRORS.notFound);
  if (operation.body) specs.push(COMMON_ERRORS.badBody, COMMON_ERRORS.slowBody, COMMON_ERRORS.tooLarge, COMMON_ERRORS.mediaType);
  if (operation.query) specs.push(COMMON_ERRORS.badQuery);
  if (operation.access !== "public") specs.push(COMMON_ERRORS.unauthenticated);
  if (operation.access === "admin") specs.push(COMMON_ERRORS.adminRequired);
  if (operation.sensitive) specs.push(COMMON_ERRORS.stepUp);
  if (operation.access !== "public" && UNSAFE.has(operation.method)) specs.push(COMMON_ERRORS.crossSite);
  if (operation.database !== false) specs.push(COMMON_ERRORS.databaseDown);
  specs.push(COMMON_ERRORS.uriTooLong, COMMON_ERRORS.headersTooLarge, COMMON_ERRORS.internal);
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
  // The same spec twice (an operation's own not-found and the one its path id implies) adds nothing.
  if (b.codes.every((code) => a.codes.includes(code))) return a;
  const codes: ErrorCode[] = [...new Set([...a.codes, ...b.codes])];
  const headers = [...new Set([...(a.headers ?? []), ...(b.headers ?? [])])];
  return { status: a.status, codes, description: `${a.description} Or: ${b.description}`, ...(headers.length ? { headers } : {}) };
}
