import { describeClient } from "@/lib/auth/client-ip";
import { setAuthCookies } from "@/lib/auth/cookies";
import { assertNotCrossSite } from "@/lib/auth/csrf";
import { LoginSchema } from "@/lib/auth/schemas";
import { logIn } from "@/lib/auth/service";
import { json, parseInput, readBody, route } from "@/lib/http";

export const POST = route(async (request) => {
  assertNotCrossSite(request);
  const input = parseInput(LoginSchema, await readBody(request, { allowForm: true }));
  const result = await logIn(input, describeClient(request));
  const headers = new Headers();
  setAuthCookies(request, headers, { accessToken: result.access_token, refreshToken: result.refresh_token });
  return json(result, { headers });
});
