// Request input within the API's limits (README: Limits): a JSON (or, where allowed, form-encoded) body
// of at most 16 KiB, read as a stream, and zod validation of bodies and query strings that
// names every bad field and refuses NUL anywhere.
import type { z } from "zod";
import { HttpError } from "@/lib/http/problem";

export const MAX_BODY_BYTES = 16 * 1024;

type BodyOptions = { allowForm?: boolean; optional?: boolean };

/**
 * Reads a JSON (or, where allowed, form-encoded) body within the API's limits:
 * 415 for another media type, 413 past 16 KiB (counted while streaming, so a lying
 * Content-Length gains nothing), 400 for malformed JSON.
 */
export async function readBody(request: Request, options: BodyOptions = {}): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const text = await readLimitedText(request);
  if (text.length === 0 && options.optional) return {};
  if (type === "application/json" || type.endsWith("+json")) return parseJson(text);
  if (options.allowForm && type === "application/x-www-form-urlencoded") {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type === "" && text.length === 0) {
    throw new HttpError(400, { code: "body_required", detail: "A JSON request body is required." });
  }
  const accepted = options.allowForm
    ? "application/json or application/x-www-form-urlencoded"
    : "application/json";
  throw new HttpError(415, {
    code: "unsupported_media_type",
    detail: `The request body must be ${accepted}.`,
    headers: { "accept-post": accepted },
  });
}

async function readLimitedText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function tooLarge(): HttpError {
  return new HttpError(413, {
    code: "body_too_large",
    detail: `The request body must be at most ${MAX_BODY_BYTES} bytes.`,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, { code: "malformed_json", detail: "The request body is not valid JSON." });
  }
}

/**
 * Validates input with a zod schema; 400 `validation_failed` names every bad field. NUL is
 * looked for in what the schema lets through, so a field the app never stores as text
 * (an opaque token, only hashed) may turn it into something else first.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  const withNul = result.success ? nulPaths(result.data) : [];
  if (result.success && withNul.length === 0) return result.data;
  const errors = result.success
    ? withNul.map((path) => ({ path: path || "body", message: "Must not contain a NUL character." }))
    : result.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "body", message: issue.message }));
  throw new HttpError(400, {
    code: "validation_failed",
    detail: "Some fields are missing or invalid.",
    errors,
  });
}

/**
 * Where a NUL character hides in parsed input, by path. PostgreSQL text cannot store NUL,
 * so every field (any schema, any depth) refuses it here with a 400, never a 500.
 */
function nulPaths(value: unknown, path = "", depth = 0): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path] : [];
  if (depth > 8 || value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => nulPaths(inner, path ? `${path}.${key}` : key, depth + 1));
}

/** Validates the query string with a zod schema (400 `validation_failed` on failure). */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.output<S> {
  return parseInput(schema, Object.fromEntries(new URL(request.url).searchParams));
}
