import * as operations from "@/lib/api/operations/auth";
import { describeClient } from "@/lib/auth/identity/client";
import { logIn } from "@/lib/auth/accounts/sign-in";
import { deliverTokens } from "@/lib/auth/identity/token-delivery";
import { route } from "@/lib/api/route";

export const POST = route(operations.logIn, async ({ request, body, headers }) => {
  const { user, issued } = await logIn(body, describeClient(request));
  return { user, ...deliverTokens(request, headers, issued, { cookies: true, refreshInBody: true }) };
});
