import * as operations from "@/lib/api/operations/recovery";
import { describeClient } from "@/lib/auth/identity/client";
import { forgotPassword } from "@/lib/auth/accounts/recovery";
import { MAIL_SENT } from "@/lib/auth/responses";
import { route } from "@/lib/api/route";

// One answer for every address: whether an account has it is nobody's business here.
export const POST = route(operations.forgotPassword, async ({ request, body }) => {
  await forgotPassword(body.email, describeClient(request));
  return MAIL_SENT;
});
