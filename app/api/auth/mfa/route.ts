import * as operations from "@/lib/api/operations/factors";
import { mfaStatus } from "@/lib/auth/accounts/second-factors";
import { route } from "@/lib/api/route";

export const GET = route(operations.getMfaStatus, ({ caller }) => mfaStatus(caller));
