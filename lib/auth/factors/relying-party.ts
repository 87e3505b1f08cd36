// Who passkeys are made for: the relying party's id and name, and the one origin whose
// responses are accepted. All from configuration, checked at start by lib/env.ts; never
// from a request's Origin or Host header, which the client chooses
// (docs/decisions/0036-passkeys.md).
import "server-only";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/mail/links";
import { APP_NAME } from "@/lib/mail/templates";

export type RelyingParty = { id: string; name: string; origin: string };

export function relyingParty(): RelyingParty {
  const origin = publicOrigin();
  return { id: env.WEBAUTHN_RP_ID ?? new URL(origin).hostname, name: env.WEBAUTHN_RP_NAME ?? APP_NAME, origin };
}
