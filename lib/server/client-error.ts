// Requests that Node's HTTP parser refuses before any handler runs: headers over its
// 16 KiB limit, headers that never finish arriving, bytes that are not HTTP. Node would
// answer those with a bare status line; they get problem+json like every other error.
import "server-only";
import { STATUS_CODES } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { problem } from "@/lib/http/problem";
import { refuse } from "@/lib/server/body-limit";

type ParserError = Error & { code?: string };

function answerFor(error: ParserError): Response {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return problem(431, { code: "headers_too_large", detail: "The request's headers (cookies included) exceed 16 KiB." });
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return problem(408, { code: "request_timeout", detail: "The request's headers did not arrive in time." });
    default:
      return problem(400, { code: "malformed_request", detail: "The request is not well-formed HTTP." });
  }
}

/** For `server.on("clientError")`: answers once, if the socket can still take it, and closes it. */
export function answerUnparsableRequest(error: ParserError, socket: Duplex): void {
  // A client that went away, or a socket that already carries an answer, gets nothing more.
  if (error.code === "ECONNRESET" || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const response = answerFor(error);
  void response.text().then((body) => {
    if (!socket.writable) return;
    const head = [
      `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? "Error"}`,
      ...[...response.headers].map(([name, value]) => `${name}: ${value}`),
      `content-length: ${Buffer.byteLength(body)}`,
      "connection: close",
    ];
    socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
  });
}

/**
 * The longest request target (path and query) served: gunicorn's limit for the request
 * line, which is what the Flask tutorial runs on. Nothing of the API needs more, and Next
 * echoes the target twice in a trailing-slash redirect (`Location` and `Refresh`), so a
 * longer one would make an answer whose headers HTTP clients refuse to read (undici stops
 * at 16 KiB).
 */
export const MAX_TARGET_BYTES = 4096;

/** Answers 414 and returns true when the request's target is over MAX_TARGET_BYTES. */
export function refuseLongTarget(req: IncomingMessage, res: ServerResponse): boolean {
  if (Buffer.byteLength(req.url ?? "") <= MAX_TARGET_BYTES) return false;
  refuse(res, problem(414, { code: "uri_too_long", detail: "The request's path and query exceed 4 KiB." }));
  return true;
}
