import * as operations from "@/lib/api/operations/recovery";
import { verifyEmail } from "@/lib/auth/recovery";
import { route } from "@/lib/http/route";

// Only the account the link belongs to confirms it (docs/decisions/0027).
export const POST = route(operations.verifyEmail, async ({ user, body }) => ({ user: await verifyEmail(body.token, user.id) }));
