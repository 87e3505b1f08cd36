import { requireUser } from "@/lib/auth/authenticate";
import { parseInput, parseQuery, readBody } from "@/lib/http/body";
import { json } from "@/lib/http/response";
import { route } from "@/lib/http/route";
import { ItemCreateSchema, ItemsQuerySchema } from "@/lib/items/schemas";
import { createItem, listItems } from "@/lib/items/service";

// The caller is identified before anything else is looked at: a request without a valid
// token learns nothing about what a valid one would need (and middleware answers it so).
export const GET = route(async (request) => {
  const user = await requireUser(request);
  const query = parseQuery(ItemsQuerySchema, request);
  return json(await listItems(user.id, query));
});

export const POST = route(async (request) => {
  const user = await requireUser(request);
  const input = parseInput(ItemCreateSchema, await readBody(request));
  const { item, etag } = await createItem(user.id, input);
  return json(item, { status: 201, headers: { location: `/api/items/${item.id}`, etag } });
});
