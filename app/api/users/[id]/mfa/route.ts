import * as operations from "@/lib/api/operations/admin";
import { removeUserMfa } from "@/lib/auth/accounts/admin-users";
import { route } from "@/lib/api/route";

export const DELETE = route(operations.removeUserMfa, ({ caller, context, params, body }) =>
  removeUserMfa({ admin: caller, context, reason: body.reason }, params.id),
);
