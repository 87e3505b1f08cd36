import { verifyEmail } from "@/lib/auth/recovery";
import { VerifyEmailSchema } from "@/lib/auth/schemas";
import { parseInput, readBody } from "@/lib/http/body";
import { json } from "@/lib/http/response";
import { route } from "@/lib/http/route";

// Public: the link may be opened in a browser that is not signed in.
export const POST = route(async (request) => {
  const { token } = parseInput(VerifyEmailSchema, await readBody(request));
  return json({ user: await verifyEmail(token) });
});
