import { describeClient } from "@/lib/auth/client-ip";
import { setAuthCookies } from "@/lib/auth/cookies";
import { assertNotCrossSite } from "@/lib/auth/csrf";
import { SignupSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/service";
import { json, parseInput, readBody, route } from "@/lib/http";

export const POST = route(async (request) => {
  assertNotCrossSite(request);
  const input = parseInput(SignupSchema, await readBody(request, { allowForm: true }));
  const result = await signUp(input, describeClient(request));
  const headers = new Headers({ location: "/api/auth/me" });
  setAuthCookies(request, headers, { accessToken: result.access_token, refreshToken: result.refresh_token });
  return json(result, { status: 201, headers });
});
