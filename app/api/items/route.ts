import * as operations from "@/lib/api/operations/items";
import { route } from "@/lib/api/route";
import { createItem, listItems } from "@/lib/items/service";

export const GET = route(operations.listItems, ({ user, query }) => listItems(user.id, query));

export const POST = route(operations.createItem, async ({ user, body, headers }) => {
  const { item, etag } = await createItem(user.id, body);
  headers.set("location", `/api/items/${item.id}`);
  headers.set("etag", etag);
  return item;
});
