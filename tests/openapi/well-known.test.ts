// The document lists /.well-known/jwks.json, which is no operation of lib/api/operations,
// and what it says matches what the real handler answers.
import { describe, expect, it } from "vitest";

process.env.JWT_ALG = "EdDSA";
const { getOpenApiDocument } = await import("@/lib/openapi/document");
const { GET } = await import("@/app/well-known/jwks.json/route");
const { ensureSigningKey } = await import("@/lib/auth/identity/signing-keys");

describe("/.well-known/jwks.json in the OpenAPI document", () => {
  it("is listed, public, and its schema admits the real reply (EdDSA) and nothing private", async () => {
    const document = await getOpenApiDocument();
    const operation = document.paths["/.well-known/jwks.json"]?.get;
    expect(operation?.security).toEqual([]);
    await ensureSigningKey();
    const response = await GET();
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    const schema = (operation!.responses["200"] as unknown as { content: Record<string, { schema: { properties: { keys: { items: { required: string[]; properties: Record<string, unknown> } } } } }> })
      .content["application/json"]!.schema.properties.keys.items;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    for (const name of schema.required) expect(keys[0]).toHaveProperty(name);
    for (const name of Object.keys(keys[0]!)) expect(Object.keys(schema.properties)).toContain(name);
    expect(Object.keys(schema.properties)).not.toContain("d");
  });

  it("signs EdDSA tokens with the published key, which verify", async () => {
    const { signAccessToken, verifyAccessToken } = await import("@/lib/auth/identity/jwt");
    const { decodeProtectedHeader } = await import("jose");
    const token = await signAccessToken({ sub: crypto.randomUUID(), sid: crypto.randomUUID(), role: "user" });
    const { keys } = (await (await GET()).json()) as { keys: { kid: string }[] };
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "EdDSA", kid: keys[0]!.kid });
    await expect(verifyAccessToken(token)).resolves.toMatchObject({ role: "user" });
  });
});
