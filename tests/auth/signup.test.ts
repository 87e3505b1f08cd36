import { describe, expect, it } from "vitest";
import { POST as signup } from "@/app/api/auth/signup/route";
import { verifyAccessToken } from "@/lib/auth/identity/jwt";
import { apiRequest, setCookies } from "../helpers/http";

let n = 0;
const uniqueEmail = () => `person${++n}-${crypto.randomUUID().slice(0, 6)}@example.com`;
// A new client address per call, so the per-IP signup limit stays out of the way.
const freshIp = () => `198.51.100.${(n % 250) + 1}`;

function signUp(body: unknown, options: { ip?: string; headers?: Record<string, string> } = {}) {
  return signup(apiRequest("/api/auth/signup", { method: "POST", body, ip: options.ip ?? freshIp(), headers: options.headers }), undefined);
}

describe("POST /api/auth/signup", () => {
  it("creates the account and answers 201 with the user, tokens and cookies", async () => {
    const response = await signUp({ email: "  Ada@Example.COM ", password: "analytical engine", name: "Ada" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.user).toMatchObject({ email: "ada@example.com", name: "Ada", role: "user" });
    expect(Object.keys(body.user).sort()).toEqual(["createdAt", "email", "emailVerified", "id", "name", "role"]);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    expect(body.refresh_token.length).toBeGreaterThanOrEqual(43);
    const claims = await verifyAccessToken(body.access_token);
    expect(claims).toMatchObject({ sub: body.user.id, role: "user" });

    const cookies = setCookies(response);
    expect(cookies.get("access_token")).toMatch(/Path=\/; Max-Age=900; HttpOnly; SameSite=Lax/);
    expect(cookies.get("refresh_token")).toMatch(/Path=\/api\/auth; Max-Age=2592000; HttpOnly; SameSite=Strict/);
    expect(cookies.get("access_token")).not.toContain("Secure");
  });

  it("marks cookies Secure when the app is served over HTTPS", async () => {
    const response = await signUp(
      { email: uniqueEmail(), password: "analytical engine" },
      { headers: { "x-forwarded-proto": "https" } },
    );
    for (const line of setCookies(response).values()) expect(line).toContain("; Secure");
  });

  it("accepts a form-encoded body", async () => {
    const email = uniqueEmail();
    const request = apiRequest("/api/auth/signup", {
      method: "POST",
      body: new URLSearchParams({ email, password: "analytical engine" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      ip: freshIp(),
    });
    const response = await signup(request, undefined);
    expect(response.status).toBe(201);
    expect((await response.json()).user.email).toBe(email);
  });

  it("answers 409 for an email that is taken, whatever its case", async () => {
    const email = uniqueEmail();
    expect((await signUp({ email, password: "analytical engine" })).status).toBe(201);
    const again = await signUp({ email: email.toUpperCase(), password: "another password" });
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe("email_taken");
  });

  it("lets exactly one of 50 simultaneous signups for one email succeed", async () => {
    const email = uniqueEmail();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signUp({ email, password: "analytical engine" }, { ip: `192.0.2.${i + 1}` })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  });

  it("refuses a password of 73 bytes instead of truncating it", async () => {
    const response = await signUp({ email: uniqueEmail(), password: "a".repeat(73) });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe("validation_failed");
    expect(body.errors).toEqual([{ path: "password", message: expect.stringContaining("72 bytes") }]);
  });

  it("counts bytes, not characters: 18 four-byte emoji are 72 bytes, 19 are too many", async () => {
    // Eighteen different faces (U+1F600 on): one emoji repeated is refused as too common.
    const emoji = (count: number) => String.fromCodePoint(...Array.from({ length: count }, (_, i) => 0x1f600 + i));
    expect((await signUp({ email: uniqueEmail(), password: emoji(18) })).status).toBe(201);
    expect((await signUp({ email: uniqueEmail(), password: emoji(19) })).status).toBe(400);
  });

  it("names every bad field", async () => {
    const response = await signUp({ email: "not-an-email", password: "short", name: "x".repeat(101) });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "name", "password"]);
  });

  it("makes no admin at signup, even of an email in ADMIN_EMAILS: only its verification does", async () => {
    const response = await signUp({ email: "Admin@Example.com", password: "analytical engine" });
    expect((await response.json()).user).toMatchObject({ role: "user", emailVerified: false });
  });

  it("allows 10 signups per client address in the window, then answers 429 with Retry-After", async () => {
    const ip = "100.64.0.10";
    for (let i = 0; i < 10; i++) expect((await signUp({ email: uniqueEmail(), password: "analytical engine" }, { ip })).status).toBe(201);
    const limited = await signUp({ email: uniqueEmail(), password: "analytical engine" }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).code).toBe("rate_limited");
  });

  it("refuses a signup posted from another site's page", async () => {
    const response = await signUp(
      { email: uniqueEmail(), password: "analytical engine" },
      { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } },
    );
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("csrf_failed");
  });
});
