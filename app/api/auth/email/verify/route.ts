import * as operations from "@/lib/api/operations/recovery";
import { verifyEmail } from "@/lib/auth/accounts/recovery";
import { route } from "@/lib/api/route";

// Only the account the link belongs to confirms it (docs/decisions/0027).
export const POST = route(operations.verifyEmail, async ({ caller, body, context }) => ({
  user: await verifyEmail(body.token, caller, context),
}));
