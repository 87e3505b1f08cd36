import * as operations from "@/lib/api/operations/auth";
import { describeClient } from "@/lib/auth/client-ip";
import { signUp } from "@/lib/auth/service";
import { deliverTokens } from "@/lib/auth/token-response";
import { route } from "@/lib/http/route";

export const POST = route(operations.signUp, async ({ request, body, headers }) => {
  const { user, issued } = await signUp(body, describeClient(request));
  headers.set("location", "/api/auth/me");
  return { user, ...deliverTokens(request, headers, issued, { cookies: true, refreshInBody: true }) };
});
