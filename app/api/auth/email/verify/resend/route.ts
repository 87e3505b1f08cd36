import * as operations from "@/lib/api/operations/recovery";
import { resendVerification } from "@/lib/auth/accounts/recovery";
import { MAIL_SENT } from "@/lib/auth/responses";
import { route } from "@/lib/api/route";

export const POST = route(operations.resendVerification, async ({ caller }) => {
  await resendVerification(caller.id);
  return MAIL_SENT;
});
