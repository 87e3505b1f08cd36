import { describeClient } from "@/lib/auth/client-ip";
import { assertNotCrossSite } from "@/lib/auth/csrf";
import { forgotPassword } from "@/lib/auth/recovery";
import { ForgotPasswordSchema } from "@/lib/auth/schemas";
import { parseInput, readBody } from "@/lib/http/body";
import { json } from "@/lib/http/response";
import { route } from "@/lib/http/route";

// One answer for every address: whether an account has it is nobody's business here.
export const POST = route(async (request) => {
  assertNotCrossSite(request);
  const { email } = parseInput(ForgotPasswordSchema, await readBody(request));
  await forgotPassword(email, describeClient(request));
  return json({ status: "sent" }, { status: 202 });
});
