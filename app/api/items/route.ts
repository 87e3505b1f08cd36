import * as operations from "@/lib/api/operations/items";
import { route } from "@/lib/api/route";
import { createItem, listItems } from "@/lib/items/service";

export const GET = route(operations.listItems, ({ caller, query }) => listItems(caller.id, query));

export const POST = route(operations.createItem, async ({ caller, body, headers }) => {
  const { item, etag } = await createItem(caller.id, body);
  headers.set("location", `/api/items/${item.id}`);
  headers.set("etag", etag);
  return item;
});
