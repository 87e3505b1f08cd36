import * as operations from "@/lib/api/operations/recovery";
import { revertEmailChange } from "@/lib/auth/accounts/email-revert";
import { route } from "@/lib/api/route";

// Public: the token from the link mailed to the old address is the credential.
export const POST = route(operations.revertEmail, ({ body, context }) => revertEmailChange(body.token, context));
