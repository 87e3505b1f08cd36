import { requireUser } from "@/lib/auth/authenticate";
import { PasswordChangeSchema } from "@/lib/auth/schemas";
import { changePassword } from "@/lib/auth/service";
import { parseInput, readBody } from "@/lib/http/body";
import { noContent } from "@/lib/http/response";
import { route } from "@/lib/http/route";

// Every other session of the user ends; this one stays signed in.
export const POST = route(async (request) => {
  const user = await requireUser(request);
  const input = parseInput(PasswordChangeSchema, await readBody(request));
  await changePassword(user, { current: input.current_password, next: input.new_password });
  return noContent();
});
