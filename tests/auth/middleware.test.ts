import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { signAccessToken } from "@/lib/auth/identity/jwt";
import { middleware } from "@/middleware";

const call = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  middleware(new NextRequest(`http://localhost:3000${path}`, init));

// NextResponse.next() marks "carry on to the route" with this header.
const passes = (response: Response) => response.headers.get("x-middleware-next") === "1";

const validToken = () => signAccessToken({ sub: crypto.randomUUID(), sid: crypto.randomUUID(), role: "user" });

describe("middleware (edge gate)", () => {
  it("answers 401 problem+json for a protected API route without a token", async () => {
    const response = await call("/api/items");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="jwt-items"');
    expect((await response.json()).code).toBe("authentication_required");
  });

  it("answers 401 token_expired or invalid_token for a bad bearer token", async () => {
    const response = await call("/api/auth/me", { headers: { authorization: "Bearer nope" } });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe("invalid_token");
  });

  it("lets a request with a valid token through, from the header or the cookie", async () => {
    const token = await validToken();
    expect(passes(await call("/api/items", { headers: { authorization: `Bearer ${token}` } }))).toBe(true);
    expect(passes(await call("/api/items/123", { headers: { cookie: `access_token=${token}` } }))).toBe(true);
  });

  it("lets the public endpoints through without a token", async () => {
    for (const path of ["/api/auth/signup", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout"]) {
      expect(passes(await call(path, { method: "POST" }))).toBe(true);
    }
    expect(passes(await call("/api/health"))).toBe(true);
    expect(passes(await call("/api/openapi.json"))).toBe(true);
  });

  it("answers 404 problem+json for an unknown API path", async () => {
    const response = await call("/api/nothing-here");
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe("not_found");
  });

  it("answers 404 problem+json for a path id that cannot be percent-decoded, once the token is checked", async () => {
    const headers = { authorization: `Bearer ${await validToken()}` };
    for (const path of ["/api/items/%ff", "/api/items/%E0%A4%A", "/api/auth/sessions/%"]) {
      const response = await call(path, { method: "DELETE", headers });
      expect(response.status).toBe(404);
      expect((await response.json()).code).toBe("not_found");
      expect((await call(path, { method: "DELETE" })).status).toBe(401);
    }
    expect(passes(await call("/api/items/%E0%A4%B9", { headers }))).toBe(true);
  });

  it("answers 405 with Allow for a method the route does not have", async () => {
    const response = await call("/api/auth/login");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    expect((await response.json()).code).toBe("method_not_allowed");
  });

  it("redirects a signed-out visitor of a protected page to the login page with next", async () => {
    const response = await call("/items?q=tea");
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("next")).toBe("/items?q=tea");
    expect((await call("/admin/users")).headers.get("location")).toContain("next=%2Fadmin%2Fusers");
  });

  it("lets a signed-in visitor see a protected page", async () => {
    const token = await validToken();
    expect(passes(await call("/account", { headers: { cookie: `access_token=${token}` } }))).toBe(true);
  });

  it("does not gate public pages", async () => {
    expect(passes(await call("/login"))).toBe(true);
  });
});
