import * as operations from "@/lib/api/operations/items";
import { NotModified } from "@/lib/http/response";
import { route } from "@/lib/api/route";
import { ifNoneMatchNames } from "@/lib/items/etag";
import { deleteItem, getItem, updateItem } from "@/lib/items/service";

// If-None-Match naming the current version: the client's copy will do (304, no body).
export const GET = route(operations.getItem, async ({ request, caller, params, headers }) => {
  const { item, etag } = await getItem(caller.id, params.id);
  headers.set("etag", etag);
  return ifNoneMatchNames(request.headers.get("if-none-match"), etag) ? new NotModified() : item;
});

// If-Match makes the update conditional on the version the client last saw (412 if not).
export const PATCH = route(operations.updateItem, async ({ request, caller, params, body, headers }) => {
  const { item, etag } = await updateItem(caller.id, params.id, body, request.headers.get("if-match"));
  headers.set("etag", etag);
  return item;
});

export const DELETE = route(operations.deleteItem, ({ caller, params }) => deleteItem(caller.id, params.id));
