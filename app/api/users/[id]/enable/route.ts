import * as operations from "@/lib/api/operations/admin";
import { enableUser } from "@/lib/auth/accounts/admin-users";
import { route } from "@/lib/api/route";

export const POST = route(operations.enableUser, async ({ caller, context, params, body }) => ({
  user: await enableUser({ admin: caller, context, reason: body.reason }, params.id),
}));
