import * as operations from "@/lib/api/operations/recovery";
import { resetPassword } from "@/lib/auth/accounts/recovery";
import { route } from "@/lib/api/route";

// Public: the token from the mailed link is the credential.
export const POST = route(operations.resetPassword, ({ body, context }) => resetPassword(body.token, body.new_password, context));
