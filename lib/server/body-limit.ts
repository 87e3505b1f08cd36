// Request bodies under `npm start` and `npm run dev`: refused past 16 KiB as their bytes
// arrive, and given a time limit, before Next sees the request (README: Limits).
// Next alone would copy every body that middleware runs for (up to 10 MB, its
// `proxyClientMaxBodySize`) and hand it to the route handler only once the last byte
// has come, so a large body cost memory and a slow one held its request open however
// early the handler's own 16 KiB check would have refused it
// (docs/decisions/0016-request-body-limits.md). lib/http/body.ts keeps that check: on Vercel
// there is no server entry.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { problem } from "@/lib/http/problem";

/** Whether a request says, before sending it, that its body is over the limit. */
export function declaresTooLarge(req: IncomingMessage): boolean {
  return Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES;
}

/**
 * Calls `handOn` once the request's whole body has arrived, within MAX_BODY_BYTES and
 * within `timeoutMs` of its headers; otherwise answers 413 or 408 itself and closes the
 * connection, and `handOn` is never called. A request without a body is handed on at once.
 *
 * The body is held back inside the request stream (at most 16 KiB) by watching each
 * chunk that Node's parser pushes into it, without reading it: Next then reads the
 * untouched request as ever, and sees no difference except that its body is complete.
 */
export function whenBodyArrived(req: IncomingMessage, res: ServerResponse, timeoutMs: number, handOn: () => void): void {
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (!hasBody || req.complete) return handOn();
  if (declaresTooLarge(req)) return refuse(res, tooLarge());

  const push = req.push;
  let received = 0;
  let settled = false;
  const settle = () => {
    settled = true;
    clearTimeout(timer);
    // Back to IncomingMessage's own push (the prototype's).
    delete (req as { push?: unknown }).push;
  };
  const timer = setTimeout(() => {
    if (settled) return;
    settle();
    dropRest(req);
    refuse(res, tooSlow(timeoutMs));
  }, timeoutMs);
  res.once("close", () => {
    if (!settled) settle();
  });

  req.push = ((chunk: Buffer | null, encoding?: BufferEncoding): boolean => {
    if (settled) return true;
    if (chunk === null) {
      settle();
      push.call(req, null);
      handOn();
      return false;
    }
    received += chunk.length;
    if (received > MAX_BODY_BYTES) {
      settle();
      dropRest(req);
      refuse(res, tooLarge());
      return true;
    }
    push.call(req, chunk, encoding);
    // Always "more, please": the parser would otherwise stop reading the socket once the
    // stream's buffer is full, and, as nobody reads it yet, the body would never end.
    // What is held stays under MAX_BODY_BYTES plus one chunk.
    return true;
  }) as typeof req.push;
}

// What still arrives of a refused body is discarded as it comes, never kept.
function dropRest(req: IncomingMessage): void {
  req.push = (() => true) as typeof req.push;
}

function tooLarge(): Response {
  return problem(413, {
    code: "body_too_large",
    detail: `The request body must be at most ${MAX_BODY_BYTES} bytes.`,
  });
}

function tooSlow(timeoutMs: number): Response {
  return problem(408, {
    code: "body_timeout",
    detail: `The request body did not arrive within ${timeoutMs / 1000} seconds.`,
  });
}

/**
 * Sends a problem response and closes the connection after it: the rest of the body
 * may still be on its way, and reading it to find the next request would cost what the
 * refusal saves.
 */
export function refuse(res: ServerResponse, response: Response): void {
  void response.text().then((body) => {
    if (res.headersSent || res.destroyed) return;
    if (res.socket) closeLingering(res.socket);
    // With its length, so the client has the whole answer without waiting for the close.
    res.writeHead(response.status, {
      ...Object.fromEntries(response.headers),
      "content-length": Buffer.byteLength(body),
      connection: "close",
    });
    res.end(body);
  });
}

// How long a refused client may go on sending before its connection is cut.
const LINGER_MS = 2_000;

/**
 * Closes the connection after the answer the way a careful server does (nginx's
 * "lingering close"): first only our side (FIN), reading and discarding what the client
 * still sends until it stops or LINGER_MS pass, and only then the socket. Closing it at
 * once, with body bytes unread, makes the kernel reset the connection, and a client
 * still writing its body often loses the answer with it: 14 of 50 clients posting 10 MB
 * at once saw a reset instead of the 413.
 */
function closeLingering(socket: Socket): void {
  // node:http ends a `Connection: close` response with socket.destroySoon().
  Object.assign(socket, {
    destroySoon: () => {
      socket.end();
      const cut = setTimeout(() => socket.destroy(), LINGER_MS);
      socket.once("close", () => clearTimeout(cut));
      socket.once("end", () => socket.destroy());
    },
  });
}
