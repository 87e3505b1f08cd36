import * as operations from "@/lib/api/operations/factors";
import { finishTotpSetup } from "@/lib/auth/accounts/second-factors";
import { route } from "@/lib/api/route";

// Every other session of the account ends; this one becomes aal 2.
export const POST = route(operations.confirmTotpSetup, ({ caller, body }) => finishTotpSetup(caller, body.code));
