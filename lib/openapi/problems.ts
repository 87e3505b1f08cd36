// The one error shape (RFC 9457 problem+json) as a schema, and the error responses of
// each operation. Examples are built by lib/http's own problem(), so the document
// cannot drift from what the server sends.
import { z } from "zod";
import { ERROR_CODES, problem, type ErrorCode } from "@/lib/http/problem";
import type { ErrorSpec } from "@/lib/api/operation";
import { componentRef } from "@/lib/openapi/json-schema";
import type { Example, ResponseObject } from "@/lib/openapi/types";

const CODES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

const codeList = CODES.map((code) => `- \`${code}\`: ${ERROR_CODES[code]}`).join("\n");

export const ProblemSchema = z
  .object({
    type: z.string().meta({
      format: "uri-reference",
      description: "Where this error is explained: `/docs#error-<code>`.",
      example: "/docs#error-validation_failed",
    }),
    title: z.string().meta({ description: "The HTTP status's reason phrase.", example: "Bad Request" }),
    status: z.number().int().meta({ example: 400 }),
    detail: z.string().meta({ description: "What went wrong, for people.", example: "Some fields are missing or invalid." }),
    code: z.enum(CODES).meta({ description: `A stable word that programs may branch on:\n\n${codeList}` }),
    errors: z
      .array(z.object({ path: z.string().meta({ example: "price" }), message: z.string() }))
      .optional()
      .meta({ description: "With `validation_failed`: one entry per bad field (`path` is dot-separated)." }),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem details object: the body of every error response." });

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

async function example(status: number, code: ErrorCode): Promise<Example> {
  const errors = code === "validation_failed" ? [{ path: "email", message: "Enter a valid email address." }] : undefined;
  const body: unknown = await problem(status, { code, detail: ERROR_CODES[code], ...(errors ? { errors } : {}) }).json();
  return { summary: code, value: body };
}

/** A response object for one error status, with one example per code it can carry. */
export async function problemResponse(spec: ErrorSpec): Promise<ResponseObject> {
  const entries = await Promise.all(spec.codes.map(async (code) => [code, await example(spec.status, code)] as const));
  const headers = Object.fromEntries((spec.headers ?? []).map((name) => [name, { $ref: `#/components/headers/${name}` }]));
  return {
    description: spec.description,
    ...(spec.headers ? { headers } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: componentRef("Problem"), examples: Object.fromEntries(entries) } },
  };
}
