// The successful answers of route handlers: JSON that no cache keeps, 204, 303 and 304.
export function json(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(data), { status: init.status ?? 200, headers });
}

export function noContent(headers?: HeadersInit): Response {
  return new Response(null, { status: 204, headers });
}

/** A handler's reply that sends the browser to a page (303: the page is fetched with GET). */
export class SeeOther {
  constructor(readonly location: `/${string}`) {}
}

/** A handler's reply that the client's copy is current (304, RFC 9110 §15.4.5: no body). */
export class NotModified {}
