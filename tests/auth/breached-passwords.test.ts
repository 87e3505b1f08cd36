// PASSWORD_BREACH_CHECK=hibp: a new password that Have I Been Pwned's range API knows is
// refused, asked by k-anonymity (five hex characters of its SHA-1, nothing more), and the
// check fails open (README, Passwords). The service is a local stand-in (../helpers/fake-hibp).
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { sha1, startFakeHibp } from "../helpers/fake-hibp";

const BREACHED = "tr0ub4dor&3 breached";
const PADDED = "only a padding entry";
const hibp = await startFakeHibp({ [BREACHED]: 1342, [PADDED]: 0 });
process.env.PASSWORD_BREACH_CHECK = "hibp";
process.env.PASSWORD_BREACH_API_URL = hibp.url;

const { POST: signup } = await import("@/app/api/auth/signup/route");
const { POST: login } = await import("@/app/api/auth/login/route");
const { POST: changePassword } = await import("@/app/api/auth/password/route");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

let n = 0;
const freshIp = () => `198.51.100.${(++n % 250) + 1}`;
const signUp = (password: string) => {
  const body = { email: `pwned${++n}-${crypto.randomUUID().slice(0, 6)}@example.com`, password };
  return signup(apiRequest("/api/auth/signup", { method: "POST", body, ip: freshIp() }), undefined);
};

afterEach(() => {
  hibp.behave("answer");
  hibp.seen.length = 0;
});
afterAll(() => hibp.close());

describe("the Have I Been Pwned check", () => {
  it("refuses a signup whose password the service knows, saying why", async () => {
    const response = await signUp(BREACHED);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors).toEqual([{ path: "password", message: expect.stringMatching(/data breach.*Have I Been Pwned/) }]);
  });

  it("sends only the first five characters of the password's SHA-1, asking for padding", async () => {
    await signUp(BREACHED);
    const hash = sha1(BREACHED);
    expect(hibp.seen).toHaveLength(1);
    const [request] = hibp.seen;
    expect(request).toMatchObject({ method: "GET", url: `/range/${hash.slice(0, 5)}`, body: "" });
    expect(request?.headers["add-padding"]).toBe("true");
    const sent = JSON.stringify(request).toUpperCase();
    expect(sent).not.toContain(hash.slice(5));
    expect(sent).not.toContain(BREACHED.toUpperCase());
  });

  it("accepts a password the range does not list, and one listed only as padding (count 0)", async () => {
    expect((await signUp("a phrase no breach has seen")).status).toBe(201);
    expect((await signUp(PADDED)).status).toBe(201);
    expect(hibp.seen).toHaveLength(2);
  });

  it("refuses a known password as the new one of a password change", async () => {
    const { password, accessToken } = await createSignedInUser();
    const body = { current_password: password, new_password: BREACHED };
    const response = await changePassword(apiRequest("/api/auth/password", { method: "POST", body, token: accessToken }), undefined);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ path: "new_password", message: expect.stringMatching(/data breach/) }]);
  });

  it("never asks about a login", async () => {
    const { user } = await createSignedInUser({ password: BREACHED });
    const response = await login(apiRequest("/api/auth/login", { method: "POST", body: { email: user.email, password: BREACHED }, ip: freshIp() }), undefined);
    expect(response.status).toBe(200);
    expect(hibp.seen).toEqual([]);
  });

  it("fails open: when the service answers 503, the password is accepted", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    hibp.behave("fail");
    expect((await signUp(BREACHED)).status).toBe(201);
    expect(hibp.seen).toHaveLength(1);
  });

  it("fails open: when the service does not answer in time, the password is accepted", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    hibp.behave("hang");
    expect((await signUp(BREACHED)).status).toBe(201);
    expect(hibp.seen).toHaveLength(1);
  });
});
