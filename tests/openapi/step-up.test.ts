// The document's account of second factors and step-up (README: Step-up: the OpenAPI
// document marks each such operation `x-step-up`).
import { describe, expect, it } from "vitest";
import { getOpenApiDocument } from "@/lib/openapi/document";
import type { OperationObject, ResponseObject } from "@/lib/openapi/types";

const SENSITIVE = [
  "POST /api/auth/password",
  "POST /api/auth/email",
  "DELETE /api/auth/me",
  "POST /api/auth/mfa/totp",
  "POST /api/auth/mfa/totp/confirm",
  "DELETE /api/auth/mfa/totp",
  "POST /api/auth/mfa/recovery-codes",
  "POST /api/auth/passkeys/options",
  "DELETE /api/auth/passkeys/{id}",
  // Every admin write.
  "POST /api/users/{id}/disable",
  "POST /api/users/{id}/enable",
  "DELETE /api/users/{id}/sessions",
  "DELETE /api/users/{id}/mfa",
];

async function operations(): Promise<Map<string, OperationObject>> {
  const { paths } = await getOpenApiDocument();
  return new Map(
    Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as const),
    ),
  );
}

/** The codes an error response names: one example per code. */
const codesOf = (response: ResponseObject | { $ref: string } | undefined): string[] =>
  Object.keys((response as ResponseObject | undefined)?.content?.["application/problem+json"]?.examples ?? {});

describe("the document on step-up", () => {
  it("marks exactly the sensitive operations with x-step-up", async () => {
    const marked = [...(await operations())].filter(([, operation]) => operation["x-step-up"]).map(([name]) => name);
    expect(marked.sort()).toEqual([...SENSITIVE].sort());
  });

  it("says which body field's password counts as the recent proof", async () => {
    const all = await operations();
    expect(all.get("POST /api/auth/password")?.["x-step-up"]).toMatchObject({ password_counts: "current_password", max_age: "REAUTH_MAX_AGE" });
    expect(all.get("DELETE /api/auth/me")?.["x-step-up"]).toMatchObject({ password_counts: "password" });
    expect(all.get("DELETE /api/auth/mfa/totp")?.["x-step-up"]).not.toHaveProperty("password_counts");
  });

  it("lists the 401 step_up_required with its WWW-Authenticate header on each", async () => {
    const all = await operations();
    for (const name of SENSITIVE) {
      const unauthorized = all.get(name)?.responses["401"] as ResponseObject | undefined;
      expect(codesOf(unauthorized), name).toContain("step_up_required");
      expect(Object.keys(unauthorized?.headers ?? {}), name).toContain("WWW-Authenticate");
    }
  });

  it("lists the second factors' own codes where they can happen", async () => {
    const all = await operations();
    expect(codesOf(all.get("POST /api/auth/login/mfa")?.responses["401"])).toEqual(expect.arrayContaining(["invalid_mfa_token", "invalid_mfa_code"]));
    expect(codesOf(all.get("POST /api/auth/login/mfa")?.responses["429"])).toEqual(["rate_limited"]);
    expect(codesOf(all.get("POST /api/auth/mfa/totp")?.responses["409"])).toEqual(["mfa_already_enabled"]);
    expect(codesOf(all.get("POST /api/auth/mfa/totp/confirm")?.responses["409"])).toEqual(["no_pending_setup"]);
    expect(codesOf(all.get("POST /api/auth/mfa/totp/confirm")?.responses["403"])).toEqual(expect.arrayContaining(["invalid_mfa_code"]));
    expect(codesOf(all.get("DELETE /api/auth/mfa/totp")?.responses["409"])).toEqual(["mfa_not_enabled"]);
    expect(codesOf(all.get("POST /api/auth/reauthenticate")?.responses["403"])).toEqual(expect.arrayContaining(["invalid_credentials", "invalid_mfa_code"]));
  });

  it("describes login's answer as tokens or mfa_required", async () => {
    const login = (await operations()).get("POST /api/auth/login")?.responses["200"] as ResponseObject;
    const schema = JSON.stringify(login.content?.["application/json"]?.schema);
    const { schemas } = (await getOpenApiDocument()).components;
    expect(schema).toContain("LoginResponse");
    expect(JSON.stringify(schemas.LoginResponse)).toContain("MfaRequired");
    expect(schemas.MfaRequired?.required).toEqual(["mfa_required", "mfa_token", "methods", "expires_in"]);
  });
});
