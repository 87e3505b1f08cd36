import * as operations from "@/lib/api/operations/recovery";
import { requestEmailChange } from "@/lib/auth/accounts/recovery";
import { MAIL_SENT } from "@/lib/auth/responses";
import { route } from "@/lib/api/route";

// The address changes only once the link mailed to the new one is followed.
export const POST = route(operations.changeEmail, async ({ caller, body, context }) => {
  await requestEmailChange(caller, { newEmail: body.new_email, password: body.password }, context);
  return MAIL_SENT;
});
