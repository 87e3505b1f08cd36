// Whatever a handler throws, as a well-formed answer. Edge-safe: middleware answers
// through it too.
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { HttpError, problem } from "@/lib/http/problem";

/**
 * HttpErrors become their problem+json, an unreachable database becomes 503 with
 * Retry-After, anything else is logged with a request id and answered with a generic 500
 * that leaks nothing.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return problem(error.status, {
      code: error.code,
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...(error.headers ? { headers: error.headers } : {}),
    });
  }
  if (isDatabaseUnavailable(error)) {
    return problem(503, {
      code: "database_unavailable",
      detail: "The database cannot be reached. Try again shortly.",
      headers: { "retry-after": "5" },
    });
  }
  const requestId = crypto.randomUUID();
  console.error(`[${requestId}] unhandled error`, error);
  return problem(500, {
    code: "internal_error",
    detail: `Something went wrong on our side (request ${requestId}).`,
  });
}
