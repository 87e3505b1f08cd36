import { resetPassword } from "@/lib/auth/recovery";
import { ResetPasswordSchema } from "@/lib/auth/schemas";
import { parseInput, readBody } from "@/lib/http/body";
import { noContent } from "@/lib/http/response";
import { route } from "@/lib/http/route";

// Public: the token from the mailed link is the credential.
export const POST = route(async (request) => {
  const input = parseInput(ResetPasswordSchema, await readBody(request));
  await resetPassword(input.token, input.new_password);
  return noContent();
});
