import { requireAdmin } from "@/lib/auth/authenticate";
import { UsersQuerySchema } from "@/lib/auth/schemas";
import { listUsers } from "@/lib/auth/users";
import { json, parseQuery, route } from "@/lib/http";

export const GET = route(async (request) => {
  await requireAdmin(request);
  return json(await listUsers(parseQuery(UsersQuerySchema, request)));
});
