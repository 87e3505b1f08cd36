// A locked-out login is told how long to wait in words (README: The API), while
// Retry-After stays the exact number of seconds for programs.
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { getDb } from "@/lib/db";
import { createSignedInUser } from "../factories/users";
import { apiRequest } from "../helpers/http";

const logIn = (email: string, password: string, ip: string) =>
  login(apiRequest("/api/auth/login", { method: "POST", body: { email, password }, ip }), undefined);

async function lockedOut(prefix: string) {
  const { user, password } = await createSignedInUser();
  for (let i = 0; i < 5; i++) expect((await logIn(user.email, "wrong password", `${prefix}.${i}`)).status).toBe(401);
  return { email: user.email, password };
}

describe("the 429 of a locked-out login", () => {
  it("says the wait in minutes, with the exact seconds in Retry-After", async () => {
    const { email, password } = await lockedOut("10.7.0");
    const response = await logIn(email, password, "10.7.0.99");
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(840);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect((await response.json()).detail).toBe("Too many attempts. Try again in about 15 minutes.");
  });

  it("says the wait in seconds when less than a minute of it is left", async () => {
    const { email, password } = await lockedOut("10.7.1");
    // The window started 14 minutes and 30 seconds ago.
    const db = await getDb();
    await db.rateLimit.update({ where: { key: `login:email:${email}` }, data: { windowStart: new Date(Date.now() - 870_000) } });
    const response = await logIn(email, password, "10.7.1.99");
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(20);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect((await response.json()).detail).toBe(`Too many attempts. Try again in ${retryAfter} seconds.`);
  });
});
