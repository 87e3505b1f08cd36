import * as operations from "@/lib/api/operations/auth";
import { changePassword } from "@/lib/auth/accounts/sign-in";
import { route } from "@/lib/api/route";

// Every other session of the user ends; this one stays signed in.
export const POST = route(operations.changePassword, ({ caller, body, context }) =>
  changePassword(caller, { current: body.current_password, next: body.new_password }, context),
);
