// The headers of the production build: a nonce-based CSP on pages, a closed one on API
// responses, and the rest of the usual set on everything. Plain HTTP requests, no browser.
import { expect, test, type APIResponse } from "@playwright/test";

/** The CSP header as directive -> its sources. */
function policy(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name ?? "", sources]),
  );
}

const nonceOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(policy(response).get("script-src")?.join(" ") ?? "")?.[1];

test.describe("pages", () => {
  for (const path of ["/", "/docs", "/login"]) {
    test(`${path} allows only its own nonce'd scripts, and no inline styles`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const csp = policy(response);
      const nonce = nonceOf(response);
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
      expect(csp.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    });
  }

  test("get a fresh nonce on every request", async ({ request }) => {
    const nonces = new Set<string | undefined>();
    for (let i = 0; i < 3; i++) nonces.add(nonceOf(await request.get("/docs")));
    expect(nonces.size).toBe(3);
  });

  test("still send signed-out visitors of protected pages to the login page", async ({ request }) => {
    const response = await request.get("/items", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toMatch(/\/login\?next=%2Fitems$/);
  });
});

test.describe("every response", () => {
  for (const path of ["/", "/docs", "/api/health", "/api/openapi.json", "/api/auth/me", "/api/no-such-thing"]) {
    test(`${path} carries the security headers`, async ({ request }) => {
      const headers = (await request.get(path, { maxRedirects: 0 })).headers();
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("same-origin");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["permissions-policy"]).toContain("camera=()");
      // The build is served with NODE_ENV=production; browsers honour it over HTTPS only.
      expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
      expect(headers["x-powered-by"]).toBeUndefined();
    });
  }
});

test.describe("API responses", () => {
  // From a route handler, from middleware's 401 and 404, and the document itself.
  for (const path of ["/api/health", "/api/openapi.json", "/api/auth/me", "/api/no-such-thing"]) {
    test(`${path} forbids rendering, framing and loading anything`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.headers()["content-type"]).toMatch(/^application\/(problem\+)?json/);
      expect(response.headers()["content-security-policy"]).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
    });
  }
});

test.describe("/.well-known/security.txt", () => {
  test("names the configured contact in RFC 9116's plain text, with an expiry", async ({ request, baseURL }) => {
    const response = await request.get("/.well-known/security.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("Contact: mailto:security@example.com\n");
    expect(text).toMatch(/^Expires: \d{4}-\d\d-\d\dT00:00:00Z$/m);
    expect(text).toContain(`Canonical: ${baseURL}/.well-known/security.txt\n`);
  });
});
