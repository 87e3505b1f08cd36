import * as operations from "@/lib/api/operations/admin";
import { endUserSessions } from "@/lib/auth/accounts/admin-users";
import { route } from "@/lib/api/route";

export const DELETE = route(operations.endUserSessions, ({ caller, context, params, body }) =>
  endUserSessions({ admin: caller, context, reason: body.reason }, params.id),
);
