// Next's server adds `Vary: rsc, next-router-state-tree, next-router-prefetch,
// next-router-segment-prefetch` (and `next-url` for intercepted routes) to every answer of
// the App Router, route handlers included (base-server.js, setVaryHeader, before the
// handler runs). Those request headers are the App Router's own navigation protocol: a
// route handler's answer never depends on them, and a cache told to vary on them keeps
// needless copies. API answers (and the /.well-known/ documents, also route handlers)
// carry only the Vary their own code sets (GET /api/openapi.json's Host and
// X-Forwarded-Proto) and the server's compression's `Accept-Encoding`, which is true of them.
//
// Neither next.config.js `headers()` (it sets, never deletes, and runs before Next
// appends) nor middleware (its answer is merged before the same append) can remove a
// header, so `npm start` does it where it owns the Node response (lib/server/serve.ts).
// On Vercel, which runs Next without this server, the tokens stay (README, Deploy on Vercel).
import "server-only";
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from "node:http";

/** Request headers of the App Router's navigation protocol, lower-cased. */
const ROUTER_VARY_TOKENS = new Set(["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"]);

/** The paths served by route handlers only, never by pages. */
export function isApiPath(url: string | undefined): boolean {
  const path = (url ?? "").split("?")[0] ?? "";
  return path === "/api" || path.startsWith("/api/") || path.startsWith("/.well-known/");
}

/**
 * A Vary value (or Node's list of them) without the App Router's tokens; each remaining
 * one once, in its first spelling and order; null when none remains. `*` stays as it is.
 */
export function withoutRouterTokens(value: OutgoingHttpHeader): string | null {
  const tokens = (Array.isArray(value) ? value : [String(value)]).flatMap((v) => v.split(","));
  const kept = new Map<string, string>();
  for (const raw of tokens) {
    const token = raw.trim();
    const key = token.toLowerCase();
    if (token === "" || ROUTER_VARY_TOKENS.has(key) || kept.has(key)) continue;
    kept.set(key, token);
  }
  return kept.size === 0 ? null : [...kept.values()].join(", ");
}

/**
 * For an API path: just before the head is written (whoever writes it: Next, its
 * compression, an error path), the App Router's Vary tokens are taken out.
 */
export function keepApiVaryOwn(req: IncomingMessage, res: ServerResponse): void {
  if (!isApiPath(req.url)) return;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const vary = this.getHeader("vary");
    if (vary !== undefined) {
      const kept = withoutRouterTokens(vary);
      if (kept === null) this.removeHeader("vary");
      else this.setHeader("vary", kept);
    }
    // Headers handed to writeHead itself (an object) are cleaned the same way.
    const headers = args.find((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg)) as
      | Record<string, OutgoingHttpHeader | undefined>
      | undefined;
    if (headers) {
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() !== "vary" || headers[name] === undefined) continue;
        const kept = withoutRouterTokens(headers[name]);
        if (kept === null) delete headers[name];
        else headers[name] = kept;
      }
    }
    return writeHead.apply(this, args) as ServerResponse;
  } as ServerResponse["writeHead"];
}
