import * as operations from "@/lib/api/operations/meta";
import { route } from "@/lib/http/route";
import { getOpenApiDocument } from "@/lib/openapi/document";

// Five minutes in any cache: the document only changes with a deploy.
const CACHE = "public, max-age=300";

export const GET = route(operations.getOpenApiDocument, async ({ request, headers }) => {
  const document = await getOpenApiDocument();
  headers.set("cache-control", CACHE);
  // The origin this was fetched from, so that Postman and Insomnia imports call this
  // server; a shallow copy, as the cached document is shared by every request.
  const servers = [{ url: new URL(request.url).origin, description: "This server" }];
  return { ...document, servers };
});
