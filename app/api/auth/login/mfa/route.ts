import * as operations from "@/lib/api/operations/factors";
import { logInSecondStep } from "@/lib/auth/accounts/second-factors";
import { route } from "@/lib/api/route";

export const POST = route(operations.logInSecondStep, ({ body, context }) => logInSecondStep(body, context));
