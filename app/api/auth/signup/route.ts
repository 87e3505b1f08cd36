import * as operations from "@/lib/api/operations/auth";
import { signUp } from "@/lib/auth/accounts/sign-in";
import { route } from "@/lib/api/route";

export const POST = route(operations.signUp, async ({ body, context, headers }) => {
  headers.set("location", "/api/auth/me");
  return signUp(body, context);
});
