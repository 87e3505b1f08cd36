import * as operations from "@/lib/api/operations/auth";
import { logIn } from "@/lib/auth/accounts/sign-in";
import { route } from "@/lib/api/route";

export const POST = route(operations.logIn, ({ body, context }) => logIn(body, context));
