import * as operations from "@/lib/api/operations/auth";
import { describeClient } from "@/lib/auth/identity/client";
import { signUp } from "@/lib/auth/accounts/sign-in";
import { deliverTokens } from "@/lib/auth/identity/token-delivery";
import { route } from "@/lib/api/route";

export const POST = route(operations.signUp, async ({ request, body, headers }) => {
  const { user, issued } = await signUp(body, describeClient(request));
  headers.set("location", "/api/auth/me");
  return { user, ...deliverTokens(request, headers, issued, { cookies: true, refreshInBody: true }) };
});
