import * as operations from "@/lib/api/operations/items";
import { route } from "@/lib/http/route";
import { deleteItem, getItem, updateItem } from "@/lib/items/service";

export const GET = route(operations.getItem, async ({ user, params, headers }) => {
  const { item, etag } = await getItem(user.id, params.id);
  headers.set("etag", etag);
  return item;
});

// If-Match makes the update conditional on the version the client last saw (412 if not).
export const PATCH = route(operations.updateItem, async ({ request, user, params, body, headers }) => {
  const { item, etag } = await updateItem(user.id, params.id, body, request.headers.get("if-match"));
  headers.set("etag", etag);
  return item;
});

export const DELETE = route(operations.deleteItem, ({ user, params }) => deleteItem(user.id, params.id));
