import { verifyEmail } from "@/lib/auth/recovery";
import { VerifyEmailSchema } from "@/lib/auth/schemas";
import { json, parseInput, readBody, route } from "@/lib/http";

// Public: the link may be opened in a browser that is not signed in.
export const POST = route(async (request) => {
  const { token } = parseInput(VerifyEmailSchema, await readBody(request));
  return json({ user: await verifyEmail(token) });
});
