// A new password found in the shipped list of common passwords, or made of a pattern that
// list leaves out, is refused with a reason wherever a password is set (README, Passwords).
import { describe, expect, it } from "vitest";
import { POST as signup } from "@/app/api/auth/signup/route";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as changePassword } from "@/app/api/auth/password/route";
import { POST as reset } from "@/app/api/auth/password/reset/route";
import { GET as me } from "@/app/api/auth/me/route";
import { issueLinkToken } from "@/lib/auth/accounts/link-tokens";
import { createSignedInUser, signInAgain } from "../factories/users";
import { apiRequest } from "../helpers/http";

let n = 0;
const freshIp = () => `198.51.100.${(++n % 250) + 1}`;
const uniqueEmail = () => `common${++n}-${crypto.randomUUID().slice(0, 6)}@example.com`;

const signUp = (password: string) =>
  signup(apiRequest("/api/auth/signup", { method: "POST", body: { email: uniqueEmail(), password }, ip: freshIp() }), undefined);
const logIn = (email: string, password: string) =>
  login(apiRequest("/api/auth/login", { method: "POST", body: { email, password }, ip: freshIp() }), undefined);

async function expectTooCommon(response: Response, field: string) {
  expect(response.status).toBe(400);
  const problem = await response.json();
  expect(problem.code).toBe("validation_failed");
  expect(problem.errors).toEqual([{ path: field, message: expect.stringMatching(/too common.*leaked passwords/) }]);
}

describe("common passwords", () => {
  it("refuses a signup whose password is in the list, saying why, and makes no account", async () => {
    const email = uniqueEmail();
    const response = await signup(
      apiRequest("/api/auth/signup", { method: "POST", body: { email, password: "password123" }, ip: freshIp() }),
      undefined,
    );
    await expectTooCommon(response, "password");
    expect((await logIn(email, "password123")).status).toBe(401);
  });

  it("matches the list whatever the letters' case", async () => {
    await expectTooCommon(await signUp("PassWord123"), "password");
    await expectTooCommon(await signUp("ILOVEYOU1"), "password");
  });

  it.each(["aaaaaaaa", "12341234", "qwertyqwerty", "abcdefgh", "87654321", "0987654321", "poiuytrewq", "01012009", "19841231"])(
    "refuses %s, a repeat, a run along the keyboard or alphabet, or a date, which the list leaves to patterns",
    async (password) => {
      await expectTooCommon(await signUp(password), "password");
    },
  );

  it("accepts a password that is neither in the list nor one of its patterns", async () => {
    expect((await signUp("correct horse battery")).status).toBe(201);
    expect((await signUp("Xk9#mQ2!Xk9#mQ2!")).status).toBe(201);
  });

  it("refuses a common new password on a password change, and changes nothing", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    const other = await signInAgain(user);
    const body = { current_password: password, new_password: "iloveyou1" };
    await expectTooCommon(await changePassword(apiRequest("/api/auth/password", { method: "POST", body, token: accessToken }), undefined), "new_password");
    expect((await logIn(user.email, password)).status).toBe(200);
    expect((await me(apiRequest("/api/auth/me", { token: other.accessToken }), undefined)).status).toBe(200);
  });

  it("refuses a common new password on a reset, and the link still works for a better one", async () => {
    const { user, password } = await createSignedInUser();
    const token = await issueLinkToken(user.id, "password_reset", user.email, 1800);
    const resetWith = (new_password: string) =>
      reset(apiRequest("/api/auth/password/reset", { method: "POST", body: { token, new_password } }), undefined);
    await expectTooCommon(await resetWith("qwerty123"), "new_password");
    expect((await logIn(user.email, password)).status).toBe(200);
    expect((await resetWith("a passphrase nobody uses")).status).toBe(204);
  });

  it("never checks a login: an account whose password predates the list still signs in", async () => {
    // The factory stores the password directly, as an account made before this rule was.
    const { user } = await createSignedInUser({ password: "password123" });
    expect((await logIn(user.email, "password123")).status).toBe(200);
  });
});
