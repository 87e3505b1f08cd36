import * as operations from "@/lib/api/operations/factors";
import { reauthenticationPasskeyOptions } from "@/lib/auth/accounts/second-factors";
import { route } from "@/lib/api/route";

export const POST = route(operations.reauthenticationPasskeyOptions, ({ caller }) => reauthenticationPasskeyOptions(caller));
