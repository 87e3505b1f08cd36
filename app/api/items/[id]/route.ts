import { requireUser } from "@/lib/auth/authenticate";
import { parseInput, readBody } from "@/lib/http/body";
import { json, noContent } from "@/lib/http/response";
import { route } from "@/lib/http/route";
import { ItemUpdateSchema } from "@/lib/items/schemas";
import { deleteItem, getItem, updateItem } from "@/lib/items/service";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const user = await requireUser(request);
  const { item, etag } = await getItem(user.id, (await params).id);
  return json(item, { headers: { etag } });
});

// If-Match makes the update conditional on the version the client last saw (412 if not).
export const PATCH = route<Context>(async (request, { params }) => {
  const user = await requireUser(request);
  const patch = parseInput(ItemUpdateSchema, await readBody(request));
  const { id } = await params;
  const { item, etag } = await updateItem(user.id, id, patch, request.headers.get("if-match"));
  return json(item, { headers: { etag } });
});

export const DELETE = route<Context>(async (request, { params }) => {
  const user = await requireUser(request);
  await deleteItem(user.id, (await params).id);
  return noContent();
});
