// The curl walk-through of docs/api-clients.md, through real HTTP against `npm start`: what an API
// client (curl, Postman, a mobile app) sees, with bearer tokens and JSON bodies only.
import { expect, test, type APIRequestContext } from "@playwright/test";

const email = () => `api-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function signUp(request: APIRequestContext) {
  const response = await request.post("/api/auth/signup", {
    data: { email: email(), password: "correct horse battery", name: "Ada" },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { access_token: string; refresh_token: string; user: { id: string } };
}

test("an API client signs up, manages items, refreshes and logs out", async ({ request }) => {
  const auth = await signUp(request);
  let headers = { authorization: `Bearer ${auth.access_token}` };

  const me = await request.get("/api/auth/me", { headers });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.id).toBe(auth.user.id);

  const created = await request.post("/api/items", { headers, data: { name: "Teapot", price: "19.99", description: "Cast iron" } });
  expect(created.status()).toBe(201);
  const item = await created.json();
  expect(created.headers()["location"]).toBe(`/api/items/${item.id}`);
  expect(item).toMatchObject({ name: "Teapot", price: "19.99", description: "Cast iron" });

  const listed = await request.get("/api/items?q=TEA&sort=price", { headers });
  expect((await listed.json()).items.map((i: { id: string }) => i.id)).toEqual([item.id]);

  const read = await request.get(`/api/items/${item.id}`, { headers });
  const etag = read.headers()["etag"] ?? "";
  expect(etag).not.toBe("");
  const patched = await request.patch(`/api/items/${item.id}`, { headers: { ...headers, "if-match": etag }, data: { price: 17.5 } });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).price).toBe("17.50");
  const stale = await request.patch(`/api/items/${item.id}`, { headers: { ...headers, "if-match": etag }, data: { price: 1 } });
  expect(stale.status()).toBe(412);
  expect(stale.headers()["content-type"]).toBe("application/problem+json");

  const refreshed = await request.post("/api/auth/refresh", { data: { refresh_token: auth.refresh_token } });
  expect(refreshed.status()).toBe(200);
  const tokens = await refreshed.json();
  headers = { authorization: `Bearer ${tokens.access_token}` };

  expect((await request.delete(`/api/items/${item.id}`, { headers })).status()).toBe(204);
  expect((await request.get(`/api/items/${item.id}`, { headers })).status()).toBe(404);

  const loggedOut = await request.post("/api/auth/logout", { data: { refresh_token: tokens.refresh_token } });
  expect(loggedOut.status()).toBe(204);
  const after = await request.get("/api/auth/me", { headers });
  expect(after.status()).toBe(401);
  expect((await after.json()).code).toBe("session_revoked");
  expect(after.headers()["www-authenticate"]).toContain("Bearer");
});

test("unknown paths and wrong methods are answered with problem+json, not HTML", async ({ request }) => {
  const missing = await request.get("/api/nowhere");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("application/problem+json");
  const wrongMethod = await request.put("/api/items", { data: {} });
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toContain("GET");
});

test("a forged x-middleware-subrequest header gains nothing", async ({ request }) => {
  const forged = "middleware:middleware:middleware:middleware:middleware";
  const response = await request.get("/api/items", { headers: { "x-middleware-subrequest": forged } });
  expect(response.status()).toBe(401);
  const me = await request.get("/api/auth/me", { headers: { "x-middleware-subrequest": "src/middleware", "x-user-id": "anyone" } });
  expect(me.status()).toBe(401);
});

test("the health check reports the database as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
