import * as operations from "@/lib/api/operations/factors";
import { beginTotpSetup, turnOffTotp } from "@/lib/auth/accounts/second-factors";
import { route } from "@/lib/api/route";

// Both sensitive: route() asks for a recent proof (and aal 2 while TOTP is on) first.
export const POST = route(operations.startTotpSetup, ({ caller }) => beginTotpSetup(caller));

export const DELETE = route(operations.disableTotp, ({ caller }) => turnOffTotp(caller));
