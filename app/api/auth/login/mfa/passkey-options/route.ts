import * as operations from "@/lib/api/operations/factors";
import { secondStepPasskeyOptions } from "@/lib/auth/accounts/second-factors";
import { route } from "@/lib/api/route";

export const POST = route(operations.secondStepPasskeyOptions, ({ body, context }) => secondStepPasskeyOptions(body.mfa_token, context));
