// Builds real Request objects for calling route handlers directly, as Next would.
export const ORIGIN = "http://localhost:3000";

export type RequestOptions = {
  method?: string;
  /** A value to send as JSON, or a string sent as it is. */
  body?: unknown;
  token?: string;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  /** Defaults to 203.0.113.1 (TEST-NET-3): a fixed client address for rate limits. */
  ip?: string;
};

export function apiRequest(path: string, options: RequestOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.cookies) {
    headers.set("cookie", Object.entries(options.cookies).map(([k, v]) => `${k}=${v}`).join("; "));
  }
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", options.ip ?? "203.0.113.1");
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(`${ORIGIN}${path}`, { method: options.method ?? "GET", headers, body });
}

/** The second argument Next passes to a handler of a dynamic route. */
export function params<P extends Record<string, string>>(values: P): { params: Promise<P> } {
  return { params: Promise.resolve(values) };
}

/** The Set-Cookie headers of a response as name -> full header line. */
export function setCookies(response: Response): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    map.set(line.slice(0, line.indexOf("=")), line);
  }
  return map;
}

/** The value a Set-Cookie header line sets. */
export function cookieValue(line: string | undefined): string | undefined {
  if (!line) return undefined;
  return decodeURIComponent(line.slice(line.indexOf("=") + 1).split(";")[0] ?? "");
}
