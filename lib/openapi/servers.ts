// The document's `servers` entry: where Postman, Insomnia and code generators send the
// requests they build from it, and so where their users' tokens go.
import "server-only";
import { env } from "@/lib/env";
import { isHttps } from "@/lib/http/https";

type Server = { url: string; description: string };

/** The entry, and the request headers it was read from (for `Vary`; none with APP_ORIGIN). */
export function serversFor(request: Request): { servers: Server[]; readFrom: string[] } {
  if (env.APP_ORIGIN) return { servers: [{ url: env.APP_ORIGIN, description: "This server" }], readFrom: [] };
  return { servers: [{ url: addressedOrigin(request), description: "This server" }], readFrom: ["Host", "X-Forwarded-Proto"] };
}

/**
 * The scheme the client used (TLS, directly or as the proxy's X-Forwarded-Proto says) with
 * the host it addressed: request.url names the host Next listens on (`localhost` for a
 * client of 127.0.0.1). Not X-Forwarded-Host, which any client may send and a cache may
 * not key by: a document naming another server would send the next importer's tokens there.
 */
function addressedOrigin(request: Request): string {
  const scheme = isHttps(request) ? "https:" : "http:";
  const host = request.headers.get("host") ?? new URL(request.url).host;
  return URL.canParse(`${scheme}//${host}`) ? new URL(`${scheme}//${host}`).origin : new URL(request.url).origin;
}
