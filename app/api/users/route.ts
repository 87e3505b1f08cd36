import * as operations from "@/lib/api/operations/admin";
import { listAdminUsers } from "@/lib/auth/accounts/admin-users";
import { route } from "@/lib/api/route";

export const GET = route(operations.listUsers, ({ query }) => listAdminUsers(query));
