import * as operations from "@/lib/api/operations/auth";
import { unauthorized } from "@/lib/auth/challenge";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { deleteAccount } from "@/lib/auth/service";
import { findUserById } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const GET = route(operations.getMe, async ({ user: caller }) => {
  const user = await findUserById(caller.id);
  if (!user) throw unauthorized("session_revoked");
  return { user };
});

export const DELETE = route(operations.deleteMe, async ({ request, user, body, headers }) => {
  await deleteAccount(user, body.password);
  clearAuthCookies(request, headers);
});
