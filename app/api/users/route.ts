import * as operations from "@/lib/api/operations/meta";
import { listUsers } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const GET = route(operations.listUsers, ({ query }) => listUsers(query));
