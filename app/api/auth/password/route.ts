import * as operations from "@/lib/api/operations/auth";
import { changePassword } from "@/lib/auth/service";
import { route } from "@/lib/http/route";

// Every other session of the user ends; this one stays signed in.
export const POST = route(operations.changePassword, ({ user, body }) =>
  changePassword(user, { current: body.current_password, next: body.new_password }),
);
