import * as operations from "@/lib/api/operations/recovery";
import { resetPassword } from "@/lib/auth/recovery";
import { route } from "@/lib/http/route";

// Public: the token from the mailed link is the credential.
export const POST = route(operations.resetPassword, ({ body }) => resetPassword(body.token, body.new_password));
