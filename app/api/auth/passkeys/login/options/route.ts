import * as operations from "@/lib/api/operations/passkeys";
import { passkeyRequestOptions } from "@/lib/auth/factors/passkey-assertions";
import { route } from "@/lib/api/route";

export const POST = route(operations.passkeyLoginOptions, () => passkeyRequestOptions("sign_in", null));
