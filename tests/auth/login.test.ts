import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { getDb } from "@/lib/db";
import { createSignedInUser } from "../factories/users";
import { apiRequest, setCookies } from "../helpers/http";

function logIn(body: unknown, ip = "203.0.113.7") {
  return login(apiRequest("/api/auth/login", { method: "POST", body, ip }), undefined);
}

async function timeOf(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe("POST /api/auth/login", () => {
  it("answers 200 with the user and a fresh pair of tokens", async () => {
    const { user, password } = await createSignedInUser();
    const response = await logIn({ email: user.email.toUpperCase(), password });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user).toEqual(user);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    expect([...setCookies(response).keys()]).toEqual(["access_token", "refresh_token", "device"]);
    expect(body.device_token).toMatch(/^d1\./);
  });

  it("hashes the password again at BCRYPT_COST when the stored hash was made at another cost", async () => {
    const { user, password } = await createSignedInUser();
    const db = await getDb();
    // As if the account was made before BCRYPT_COST went from 5 to the tests' 4.
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await bcrypt.hash(password, 5) } });

    expect((await logIn({ email: user.email, password }, "203.0.113.30")).status).toBe(200);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordHash).toMatch(/^\$2[aby]\$04\$/);
    expect(await bcrypt.compare(password, passwordHash)).toBe(true);
    expect((await logIn({ email: user.email, password }, "203.0.113.30")).status).toBe(200);
  });

  it("gives one identical answer for an unknown email and for a wrong password", async () => {
    const { user } = await createSignedInUser();
    const unknown = await logIn({ email: "nobody@example.com", password: "whatever it is" }, "203.0.113.20");
    const wrong = await logIn({ email: user.email, password: "not the password" }, "203.0.113.21");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.text()).toBe(await wrong.text());
    expect(unknown.headers.get("www-authenticate")).toBe(wrong.headers.get("www-authenticate"));
  });

  it("takes about as long for an unknown email as for a wrong password", async () => {
    // One account per wrong guess, so none of them reaches the per-email limit.
    const users = await Promise.all(Array.from({ length: 10 }, () => createSignedInUser()));
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Once each, untimed: the first use starts a hashing thread and warms both paths.
    await logIn({ email: "ghost-warm@example.com", password: "whatever it is" }, "10.0.3.1");
    await logIn({ email: users[9]!.user.email, password: "wrong warm" }, "10.0.3.2");
    for (let i = 0; i < 9; i++) {
      unknown.push(await timeOf(() => logIn({ email: `ghost${i}@example.com`, password: "whatever it is" }, `10.0.1.${i}`)));
      wrong.push(await timeOf(() => logIn({ email: users[i]!.user.email, password: `wrong ${i}` }, `10.0.2.${i}`)));
    }
    // Both paths run one bcrypt comparison; without the decoy, unknown emails would be
    // many times faster.
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("answers 429 after 5 failures for one email, even with the right password", async () => {
    const { user, password } = await createSignedInUser();
    for (let i = 0; i < 5; i++) expect((await logIn({ email: user.email, password: "wrong" }, `10.1.0.${i}`)).status).toBe(401);
    const limited = await logIn({ email: user.email, password }, "10.1.0.99");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(800);
    expect((await limited.json()).code).toBe("rate_limited");
  });

  it("resets an email's failure count after a successful login", async () => {
    const { user, password } = await createSignedInUser();
    for (let i = 0; i < 4; i++) await logIn({ email: user.email, password: "wrong" });
    expect((await logIn({ email: user.email, password })).status).toBe(200);
    for (let i = 0; i < 4; i++) await logIn({ email: user.email, password: "wrong" });
    expect((await logIn({ email: user.email, password })).status).toBe(200);
  });

  it("answers 429 to a client address after 30 failed logins, whichever emails they named", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < 30; i++) await logIn({ email: `guess${i}@example.com`, password: "wrong" }, ip);
    const { user, password } = await createSignedInUser();
    expect((await logIn({ email: user.email, password }, ip)).status).toBe(429);
    expect((await logIn({ email: user.email, password }, "10.2.0.2")).status).toBe(200);
  });

  it("refuses a password longer than bcrypt reads instead of comparing a truncated one", async () => {
    const password = "p".repeat(72);
    const { user } = await createSignedInUser({ password });
    expect((await logIn({ email: user.email, password })).status).toBe(200);
    expect((await logIn({ email: user.email, password: `${password}!` })).status).toBe(400);
  });

  it("answers 400 naming the fields for a body without them, and 415 for plain text", async () => {
    const missing = await logIn({});
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "password"]);
    const text = await login(
      apiRequest("/api/auth/login", { method: "POST", body: "email=a", headers: { "content-type": "text/plain" } }),
      undefined,
    );
    expect(text.status).toBe(415);
  });
});
