import { requireAdmin } from "@/lib/auth/authenticate";
import { UsersQuerySchema } from "@/lib/auth/schemas";
import { listUsers } from "@/lib/auth/users";
import { parseQuery } from "@/lib/http/body";
import { json } from "@/lib/http/response";
import { route } from "@/lib/http/route";

export const GET = route(async (request) => {
  await requireAdmin(request);
  return json(await listUsers(parseQuery(UsersQuerySchema, request)));
});
