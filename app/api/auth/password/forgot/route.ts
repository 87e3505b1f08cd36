import * as operations from "@/lib/api/operations/recovery";
import { forgotPassword } from "@/lib/auth/accounts/recovery";
import { MAIL_SENT } from "@/lib/auth/responses";
import { route } from "@/lib/api/route";

// One answer for every address: whether an account has it is nobody's business here.
export const POST = route(operations.forgotPassword, async ({ body, context }) => {
  await forgotPassword(body.email, context);
  return MAIL_SENT;
});
