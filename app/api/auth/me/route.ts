import * as operations from "@/lib/api/operations/auth";
import { unauthorized } from "@/lib/http/challenge";
import { clearAuthCookies } from "@/lib/auth/identity/cookies";
import { deleteAccount } from "@/lib/auth/accounts/sign-in";
import { findUserById } from "@/lib/auth/accounts/users";
import { route } from "@/lib/api/route";

export const GET = route(operations.getMe, async ({ user: caller }) => {
  const user = await findUserById(caller.id);
  if (!user) throw unauthorized("session_revoked");
  return { user };
});

export const DELETE = route(operations.deleteMe, async ({ request, user, body, headers }) => {
  await deleteAccount(user, body.password);
  clearAuthCookies(request, headers);
});
