import { describeClient } from "@/lib/auth/client-ip";
import { assertNotCrossSite } from "@/lib/auth/csrf";
import { LoginSchema } from "@/lib/auth/schemas";
import { logIn } from "@/lib/auth/service";
import { tokenResponse } from "@/lib/auth/token-response";
import { parseInput, readBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";

export const POST = route(async (request) => {
  assertNotCrossSite(request);
  const input = parseInput(LoginSchema, await readBody(request, { allowForm: true }));
  const { user, issued } = await logIn(input, describeClient(request));
  return tokenResponse(request, issued, { cookies: true, refreshInBody: true, extra: { user } });
});
