import * as operations from "@/lib/api/operations/recovery";
import { verifyEmail } from "@/lib/auth/recovery";
import { route } from "@/lib/http/route";

export const POST = route(operations.verifyEmail, async ({ body }) => ({ user: await verifyEmail(body.token) }));
