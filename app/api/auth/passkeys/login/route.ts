import * as operations from "@/lib/api/operations/passkeys";
import { signInWithPasskey } from "@/lib/auth/factors/passkey-sign-in";
import { route } from "@/lib/api/route";

export const POST = route(operations.passkeyLogIn, ({ body, context }) => signInWithPasskey(body.response, context));
