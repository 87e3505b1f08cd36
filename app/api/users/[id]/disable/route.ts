import * as operations from "@/lib/api/operations/admin";
import { disableUser } from "@/lib/auth/accounts/admin-users";
import { route } from "@/lib/api/route";

export const POST = route(operations.disableUser, async ({ caller, context, params, body }) => ({
  user: await disableUser({ admin: caller, context, reason: body.reason }, params.id, body.until ?? null),
}));
