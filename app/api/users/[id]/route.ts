import * as operations from "@/lib/api/operations/admin";
import { getAdminUser } from "@/lib/auth/accounts/admin-users";
import { route } from "@/lib/api/route";

export const GET = route(operations.getUser, async ({ params }) => ({ user: await getAdminUser(params.id) }));
