// API answers carry the Vary their own code means, never the App Router's navigation
// headers that Next adds to its pages (rsc, next-router-state-tree, …): against `npm start`,
// for route handlers' successes and errors and for middleware's own 401, 404 and 405.
import { expect, test, type APIResponse } from "@playwright/test";

const ROUTER_TOKENS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];

/** Every Vary token of an answer, lower-cased, whether sent in one header or several. */
function varyTokens(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === "vary")
    .flatMap(({ value }) => value.split(","))
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);
}

function expectOnlyOwnVary(response: APIResponse, what: string, own: string[] = []) {
  const tokens = varyTokens(response);
  for (const token of ROUTER_TOKENS) expect(tokens, `${what}: Vary ${tokens.join(", ")}`).not.toContain(token);
  // Compression's Accept-Encoding is true of every answer that may be compressed; nothing else is added.
  expect(tokens.filter((t) => t !== "accept-encoding").sort(), what).toEqual([...own].sort());
  expect(new Set(tokens).size, `${what}: no token twice`).toBe(tokens.length);
}

test("API answers, successes and errors alike, vary on nothing of Next's page navigation", async ({ request, playwright, baseURL }) => {
  // Without the cookies signup sets in `request`: middleware's own 401s.
  const anonymous = await playwright.request.newContext({ baseURL });
  const signup = await request.post("/api/auth/signup", {
    data: { email: `vary-${Date.now()}@example.com`, password: "correct horse battery" },
  });
  expect(signup.status()).toBe(201);
  expectOnlyOwnVary(signup, "POST /api/auth/signup 201");
  const { access_token: token } = (await signup.json()) as { access_token: string };
  const bearer = { authorization: `Bearer ${token}` };

  const answers: Array<[string, Promise<APIResponse>, number]> = [
    ["GET /api/health", request.get("/api/health"), 200],
    ["GET /api/auth/me", request.get("/api/auth/me", { headers: bearer }), 200],
    ["PATCH /api/auth/me", request.patch("/api/auth/me", { headers: bearer, data: { name: "Vary Test" } }), 200],
    ["GET /api/items", request.get("/api/items", { headers: bearer }), 200],
    // A route handler's own errors.
    ["POST /api/auth/login {}", request.post("/api/auth/login", { data: {} }), 400],
    ["GET /api/items/<unknown>", request.get("/api/items/01936f8e-8a11-7b20-8c3d-4e5f60718293", { headers: bearer }), 404],
    ["PATCH /api/auth/me, name too long", request.patch("/api/auth/me", { headers: bearer, data: { name: "x".repeat(101) } }), 400],
    // Middleware's answers, before any route handler.
    ["GET /api/items without a token", anonymous.get("/api/items"), 401],
    ["GET /api/auth/me with a bad token", anonymous.get("/api/auth/me", { headers: { authorization: "Bearer nope" } }), 401],
    ["GET /api/no-such-endpoint", request.get("/api/no-such-endpoint"), 404],
    ["PUT /api/health", request.put("/api/health"), 405],
    // The well-known documents are route handlers too.
    ["GET /.well-known/jwks.json", request.get("/.well-known/jwks.json"), 200],
  ];
  for (const [what, answer, status] of answers) {
    const response = await answer;
    expect(response.status(), what).toBe(status);
    expectOnlyOwnVary(response, what);
  }
  await anonymous.dispose();
});

test("a Vary the API sets on purpose stays: the OpenAPI document's servers entry follows Host and X-Forwarded-Proto", async ({
  request,
}) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  expectOnlyOwnVary(response, "GET /api/openapi.json", ["host", "x-forwarded-proto"]);
});

test("pages keep Next's Vary, which the App Router's navigation needs", async ({ request }) => {
  const response = await request.get("/login");
  expect(response.status()).toBe(200);
  expect(varyTokens(response)).toContain("rsc");
});
