import * as operations from "@/lib/api/operations/passkeys";
import { addPasskey, listPasskeys } from "@/lib/auth/factors/passkeys";
import { route } from "@/lib/api/route";

export const GET = route(operations.listPasskeys, async ({ caller }) => ({ passkeys: await listPasskeys(caller.id) }));

export const POST = route(operations.addPasskey, async ({ caller, body, headers, context }) => {
  const passkey = await addPasskey(caller, body.response, body.name, context);
  headers.set("location", `/api/auth/passkeys/${passkey.id}`);
  return { passkey };
});
