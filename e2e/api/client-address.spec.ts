// Rate limits count per client address, and the address comes from the socket (server.ts),
// never from what the client claims in X-Forwarded-For. This server has the production
// limits: 5 failures per email, 30 failed logins per address, per 15 minutes.
import { expect, test } from "@playwright/test";

test("five failed logins lock an email, even for the right password, whatever address is claimed", async ({ request }) => {
  const email = `locked-${Date.now()}@example.com`;
  const password = "correct horse battery";
  expect((await request.post("/api/auth/signup", { data: { email, password } })).status()).toBe(201);
  for (let i = 0; i < 5; i++) {
    const failed = await request.post("/api/auth/login", {
      headers: { "x-forwarded-for": `203.0.113.${i + 1}` },
      data: { email, password: "wrong password" },
    });
    expect(failed.status()).toBe(401);
  }
  const locked = await request.post("/api/auth/login", { headers: { "x-forwarded-for": "192.0.2.200" }, data: { email, password } });
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(800);
});

test("a client cannot dodge the per-address login limit with forged X-Forwarded-For headers", async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 32; i++) {
    const claimed = `198.51.100.${i + 1}`;
    const response = await request.post("/api/auth/login", {
      headers: { "x-forwarded-for": claimed, "x-real-ip": claimed },
      data: { email: `nobody-${i}@example.com`, password: "wrong password" },
    });
    statuses.push(response.status());
  }
  // Had the forged headers been believed, every attempt would be a fresh address's 401.
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(30);
  expect(statuses.at(-1)).toBe(429);
});
