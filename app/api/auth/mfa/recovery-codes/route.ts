import * as operations from "@/lib/api/operations/factors";
import { newRecoveryCodes } from "@/lib/auth/accounts/second-factors";
import { route } from "@/lib/api/route";

export const POST = route(operations.renewRecoveryCodes, ({ caller }) => newRecoveryCodes(caller));
