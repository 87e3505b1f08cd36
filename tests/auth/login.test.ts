import bcrypt from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { runOnHashPool } from "@/lib/auth/passwords/hash-pool";
import { getDb } from "@/lib/db";
import { createSignedInUser } from "../factories/users";
import { apiRequest, setCookies } from "../helpers/http";

// The real pool, watched: every bcrypt job a login sends to it is recorded.
vi.mock("@/lib/auth/passwords/hash-pool", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/passwords/hash-pool")>();
  return { ...real, runOnHashPool: vi.fn(real.runOnHashPool) };
});

function logIn(body: unknown, ip = "203.0.113.7") {
  return login(apiRequest("/api/auth/login", { method: "POST", body, ip }), undefined);
}

describe("POST /api/auth/login", () => {
  it("answers 200 with the user and a fresh pair of tokens", async () => {
    const { user, password } = await createSignedInUser();
    const response = await logIn({ email: user.email.toUpperCase(), password });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user).toEqual(user);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    expect([...setCookies(response).keys()]).toEqual(["access_token", "refresh_token", "session_hint", "device"]);
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

  // What makes the two cost the same, rather than a stopwatch: each spends exactly one
  // bcrypt comparison on the hash pool, an unknown email against the decoy, a hash made at
  // the account's own cost. That they then take as long is for the benchmarks to show.
  it("spends one bcrypt comparison at the account's cost for an unknown email, as for a wrong password", async () => {
    const { user } = await createSignedInUser();
    const { passwordHash } = await (await getDb()).user.findUniqueOrThrow({ where: { id: user.id } });
    const hashJobs = async (body: { email: string; password: string }, ip: string) => {
      vi.mocked(runOnHashPool).mockClear();
      expect((await logIn(body, ip)).status).toBe(401);
      return vi.mocked(runOnHashPool).mock.calls.map(([job]) => job);
    };
    const wrong = await hashJobs({ email: user.email, password: "not the password" }, "10.0.2.1");
    const unknown = await hashJobs({ email: "nobody@example.com", password: "whatever it is" }, "10.0.1.1");
    expect(wrong).toEqual([{ op: "compare", password: "not the password", hash: passwordHash }]);
    expect(unknown).toEqual([{ op: "compare", password: "whatever it is", hash: expect.stringMatching(/^\$2[aby]\$\d\d\$[./\w]{53}$/) }]);
    const decoy = (unknown[0] as { hash: string }).hash;
    expect(decoy).not.toBe(passwordHash);
    // "$2b$04$": the same bcrypt version and cost, so the same work.
    expect(decoy.slice(0, 7)).toBe(passwordHash.slice(0, 7));
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
