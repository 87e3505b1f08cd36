import * as operations from "@/lib/api/operations/passkeys";
import { passkeyCreationOptions } from "@/lib/auth/factors/passkeys";
import { route } from "@/lib/api/route";

export const POST = route(operations.passkeyCreationOptions, ({ caller }) => passkeyCreationOptions(caller));
