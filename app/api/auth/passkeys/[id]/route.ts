import * as operations from "@/lib/api/operations/passkeys";
import { removePasskey, renamePasskey } from "@/lib/auth/factors/passkeys";
import { route } from "@/lib/api/route";

export const PATCH = route(operations.renamePasskey, async ({ caller, params, body }) => ({
  passkey: await renamePasskey(caller.id, params.id, body.name),
}));

export const DELETE = route(operations.removePasskey, ({ caller, params, context }) => removePasskey(caller, params.id, context));
