import { unauthorized } from "@/lib/auth/challenge";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { requireUser } from "@/lib/auth/authenticate";
import { AccountDeleteSchema } from "@/lib/auth/schemas";
import { deleteAccount } from "@/lib/auth/service";
import { findUserById } from "@/lib/auth/users";
import { parseInput, readBody } from "@/lib/http/body";
import { json, noContent } from "@/lib/http/response";
import { route } from "@/lib/http/route";

export const GET = route(async (request) => {
  const caller = await requireUser(request);
  const user = await findUserById(caller.id);
  if (!user) throw unauthorized("session_revoked");
  return json({ user });
});

export const DELETE = route(async (request) => {
  const caller = await requireUser(request);
  const { password } = parseInput(AccountDeleteSchema, await readBody(request));
  await deleteAccount(caller, password);
  const headers = new Headers();
  clearAuthCookies(request, headers);
  return noContent(headers);
});
