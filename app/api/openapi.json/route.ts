import * as operations from "@/lib/api/operations/meta";
import { route } from "@/lib/http/route";
import { getOpenApiDocument } from "@/lib/openapi/document";

// Five minutes in any cache: the document only changes with a deploy.
const CACHE = "public, max-age=300";

export const GET = route(operations.getOpenApiDocument, async ({ request, headers }) => {
  const document = await getOpenApiDocument();
  headers.set("cache-control", CACHE);
  // `servers` names the Host the client addressed: a cache must keep one copy per Host.
  headers.set("vary", "host");
  // The origin this was fetched from, so that Postman and Insomnia imports call this
  // server; a shallow copy, as the cached document is shared by every request.
  const servers = [{ url: fetchedFrom(request), description: "This server" }];
  return { ...document, servers };
});

/**
 * The scheme of request.url (Next's, which follows X-Forwarded-Proto) with the host the
 * client addressed: request.url names the host Next listens on (`localhost` for a client
 * of 127.0.0.1). Not X-Forwarded-Host, which any client may send and a cache may not key
 * by: a document naming another server would send the next importer's tokens there.
 */
function fetchedFrom(request: Request): string {
  const { protocol, origin } = new URL(request.url);
  const host = request.headers.get("host");
  return host && URL.canParse(`${protocol}//${host}`) ? new URL(`${protocol}//${host}`).origin : origin;
}
