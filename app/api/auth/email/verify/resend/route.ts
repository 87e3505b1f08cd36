import * as operations from "@/lib/api/operations/recovery";
import { resendVerification } from "@/lib/auth/recovery";
import { MAIL_SENT } from "@/lib/auth/responses";
import { route } from "@/lib/http/route";

export const POST = route(operations.resendVerification, async ({ user }) => {
  await resendVerification(user.id);
  return MAIL_SENT;
});
