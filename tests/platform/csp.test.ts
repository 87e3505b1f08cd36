import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { signAccessToken } from "@/lib/auth/identity/jwt";
import { createNonce, pagePolicy } from "@/lib/security/csp";
import { middleware } from "@/middleware";

const call = (path: string, headers: Record<string, string> = {}) =>
  middleware(new NextRequest(`http://localhost:3000${path}`, { headers }));

/** The headers NextResponse.next({ request }) hands on to the page's render. */
const forwardedPolicy = (response: Response) => response.headers.get("x-middleware-request-content-security-policy");

const directive = (policy: string, name: string) =>
  policy.split("; ").find((part) => part.startsWith(`${name} `))?.split(" ").slice(1) ?? [];

describe("the pages' Content-Security-Policy", () => {
  it("makes nonces of 128 random bits that never repeat", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });

  it("allows scripts and styles by nonce only in production: no inline code, no eval", () => {
    const policy = pagePolicy({ nonce: "abc", dev: false, https: true });
    expect(directive(policy, "script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(directive(policy, "style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy).not.toContain("unsafe");
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(policy).toContain("upgrade-insecure-requests");
    expect(pagePolicy({ nonce: "abc", dev: false, https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("loosens only what the development server needs", () => {
    const policy = pagePolicy({ nonce: "abc", dev: true, https: false });
    expect(directive(policy, "script-src")).toContain("'unsafe-eval'");
    // A nonce would make browsers ignore 'unsafe-inline', which the hot reloader's styles need.
    expect(directive(policy, "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("is set by middleware on every page, and handed to Next so it can stamp its scripts", async () => {
    const first = await call("/docs");
    const second = await call("/docs");
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(forwardedPolicy(first)).toBe(policy);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
  });

  it("is set on a protected page that lets a signed-in user through, and the gate still works", async () => {
    const token = await signAccessToken({ sub: crypto.randomUUID(), sid: crypto.randomUUID(), role: "user" });
    const allowed = await call("/items", { cookie: `access_token=${token}` });
    expect(forwardedPolicy(allowed)).toContain("'nonce-");
    const refused = await call("/items");
    expect(refused.status).toBe(307);
    expect(refused.headers.get("location")).toBe("http://localhost:3000/login?next=%2Fitems");
  });

  it("is not added to API answers, whose own policy comes from next.config.js", async () => {
    const response = await call("/api/health");
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(forwardedPolicy(response)).toBeNull();
  });
});
