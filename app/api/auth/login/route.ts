import * as operations from "@/lib/api/operations/auth";
import { describeClient } from "@/lib/auth/client-ip";
import { logIn } from "@/lib/auth/service";
import { deliverTokens } from "@/lib/auth/token-response";
import { route } from "@/lib/http/route";

export const POST = route(operations.logIn, async ({ request, body, headers }) => {
  const { user, issued } = await logIn(body, describeClient(request));
  return { user, ...deliverTokens(request, headers, issued, { cookies: true, refreshInBody: true }) };
});
