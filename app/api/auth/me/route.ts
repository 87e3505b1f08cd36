import * as operations from "@/lib/api/operations/auth";
import { unauthorized } from "@/lib/http/challenge";
import { deleteAccount } from "@/lib/auth/accounts/sign-in";
import { findUserById, updateName } from "@/lib/auth/accounts/users";
import { route } from "@/lib/api/route";

export const GET = route(operations.getMe, async ({ caller }) => {
  const user = await findUserById(caller.id);
  if (!user) throw unauthorized("session_revoked");
  return { user };
});

// An account deleted while the request was on its way: its session is gone with it.
export const PATCH = route(operations.updateMe, async ({ caller, body }) => {
  const user = await updateName(caller.id, body.name);
  if (!user) throw unauthorized("session_revoked");
  return { user };
});

// route() clears the cookies (the operation delivers "cleared-cookies").
export const DELETE = route(operations.deleteMe, ({ caller, body, context }) => deleteAccount(caller, body.password, context));
