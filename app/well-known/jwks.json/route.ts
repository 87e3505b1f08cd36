import { jwksResponse } from "@/lib/auth/identity/signing-keys";
import { problem } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

// Served at /.well-known/jwks.json (next.config.js rewrites it here): the public keys other
// services verify access tokens with (docs/decisions/0037-signing-keys.md).
export function GET(): Promise<Response> {
  return jwksResponse();
}

// It is in the OpenAPI document, so a wrong method gets the API's own 405, not Next's bare one.
function methodNotAllowed(request: Request): Response {
  return problem(405, {
    code: "method_not_allowed",
    detail: `${request.method} is not supported here. Allowed: GET, HEAD, OPTIONS.`,
    headers: { allow: "GET, HEAD, OPTIONS" },
  });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
