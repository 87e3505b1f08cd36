import { jwksResponse } from "@/lib/auth/identity/signing-keys";

export const dynamic = "force-dynamic";

// Served at /.well-known/jwks.json (next.config.js rewrites it here): the public keys other
// services verify access tokens with (docs/decisions/0037-signing-keys.md).
export function GET(): Promise<Response> {
  return jwksResponse();
}
