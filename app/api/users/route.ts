import * as operations from "@/lib/api/operations/meta";
import { listUsers } from "@/lib/auth/accounts/users";
import { route } from "@/lib/api/route";

export const GET = route(operations.listUsers, ({ query }) => listUsers(query));
