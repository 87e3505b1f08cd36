// What the browser makes of an API error: problem+json (RFC 9457) read into a typed
// ApiError, with the Retry-After of a 429 or 503. Split from lib/client/api.ts, which
// sends the requests and decides about refreshing.
import type { FieldError } from "@/lib/http/problem";

export type { FieldError };

export type Problem = { status: number; code: string; detail: string; errors: FieldError[] };

export class ApiError extends Error implements Problem {
  override name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** Seconds from the Retry-After header (429, 503), when the server sent one. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail);
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors;
    this.retryAfter = retryAfter;
  }

  /** The message for one field (by its path, e.g. "price"), if the server named it. */
  fieldError(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message;
  }
}

/** The problem a failed response describes; a body that is not problem+json gets a generic one. */
export async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    status: response.status,
    code: response.status >= 500 ? "internal_error" : "unknown_error",
    detail: response.statusText || `The server answered ${response.status}.`,
    errors: [],
  };
  try {
    const body = (await response.json()) as Partial<Problem> | null;
    if (!body || typeof body !== "object") return fallback;
    return {
      status: response.status,
      code: typeof body.code === "string" ? body.code : fallback.code,
      detail: typeof body.detail === "string" ? body.detail : fallback.detail,
      errors: Array.isArray(body.errors) ? body.errors : [],
    };
  } catch {
    return fallback;
  }
}

// Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
export function readRetryAfter(response: Response): number | null {
  const value = response.headers.get("retry-after");
  if (!value) return null;
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : null;
}
