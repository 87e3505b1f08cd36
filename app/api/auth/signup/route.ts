import { describeClient } from "@/lib/auth/client-ip";
import { assertNotCrossSite } from "@/lib/auth/csrf";
import { SignupSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/service";
import { tokenResponse } from "@/lib/auth/token-response";
import { parseInput, readBody } from "@/lib/http/body";
import { route } from "@/lib/http/route";

export const POST = route(async (request) => {
  assertNotCrossSite(request);
  const input = parseInput(SignupSchema, await readBody(request, { allowForm: true }));
  const { user, issued } = await signUp(input, describeClient(request));
  return tokenResponse(request, issued, {
    cookies: true,
    refreshInBody: true,
    status: 201,
    headers: { location: "/api/auth/me" },
    extra: { user },
  });
});
