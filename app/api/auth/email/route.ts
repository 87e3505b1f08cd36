import { requireUser } from "@/lib/auth/authenticate";
import { requestEmailChange } from "@/lib/auth/recovery";
import { EmailChangeSchema } from "@/lib/auth/schemas";
import { parseInput, readBody } from "@/lib/http/body";
import { json } from "@/lib/http/response";
import { route } from "@/lib/http/route";

// The address changes only once the link mailed to the new one is followed.
export const POST = route(async (request) => {
  const user = await requireUser(request);
  const input = parseInput(EmailChangeSchema, await readBody(request));
  await requestEmailChange(user.id, { newEmail: input.new_email, password: input.password });
  return json({ status: "sent" }, { status: 202 });
});
