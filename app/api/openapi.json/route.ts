import * as operations from "@/lib/api/operations/meta";
import { route } from "@/lib/api/route";
import { getOpenApiDocument } from "@/lib/openapi/document";
import { serversFor } from "@/lib/openapi/servers";

// Five minutes in any cache: the document only changes with a deploy.
const CACHE = "public, max-age=300";

export const GET = route(operations.getOpenApiDocument, async ({ request, headers }) => {
  const document = await getOpenApiDocument();
  const { servers, readFrom } = serversFor(request);
  headers.set("cache-control", CACHE);
  // A cache keeps one copy per value of every header the servers entry was read from.
  if (readFrom.length > 0) headers.set("vary", readFrom.join(", "));
  // A shallow copy: the cached document is shared by every request.
  return { ...document, servers };
});
