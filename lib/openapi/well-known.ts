// The document's one path that is not an operation of lib/api/operations: /.well-known/jwks.json
// (RFC 8615 places it outside /api, and its reply is a JWK Set, not the API's JSON), written
// here by hand and checked against the real handler by tests/openapi/well-known.test.ts.
import type { OperationObject } from "@/lib/openapi/types";

export const JWKS_PATH = "/.well-known/jwks.json";

export const jwksOperation: OperationObject = {
  operationId: "getJwks",
  summary: "The public keys that verify access tokens (JWK Set)",
  description:
    "With `JWT_ALG` `ES256` or `EdDSA`: every public key whose tokens may be in use, including a " +
    "rotated key published before it signs and an old key until its last token has expired. " +
    "`{keys: []}` with `HS256`. Cacheable for `JWKS_MAX_AGE` seconds. Never a private member.",
  tags: ["Meta"],
  security: [],
  responses: {
    "200": {
      description: "A JWK Set (RFC 7517).",
      headers: { "Cache-Control": { description: "`public, max-age=<JWKS_MAX_AGE>`", schema: { type: "string" } } },
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["keys"],
            properties: {
              keys: {
                type: "array",
                items: {
                  type: "object",
                  required: ["kty", "crv", "x", "kid", "alg", "use"],
                  properties: {
                    kty: { type: "string", enum: ["EC", "OKP"] },
                    crv: { type: "string", enum: ["P-256", "Ed25519"] },
                    x: { type: "string" },
                    y: { type: "string", description: "EC keys only" },
                    kid: { type: "string" },
                    alg: { type: "string", enum: ["ES256", "EdDSA"] },
                    use: { type: "string", const: "sig" },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
        },
      },
    },
  },
};
