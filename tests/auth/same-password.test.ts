// A new password must be new: equal to the current one, a change or a reset is refused
// with 400 naming new_password, and nothing changes (README, Passwords).
import { describe, expect, it } from "vitest";
import { POST as changePassword } from "@/app/api/auth/password/route";
import { POST as reset } from "@/app/api/auth/password/reset/route";
import { GET as me } from "@/app/api/auth/me/route";
import { issueLinkToken } from "@/lib/auth/accounts/link-tokens";
import { getDb } from "@/lib/db";
import { createSignedInUser, signInAgain } from "../factories/users";
import { apiRequest } from "../helpers/http";

const storedHash = async (id: string) => (await (await getDb()).user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;
const stillSignedIn = async (accessToken: string) => (await me(apiRequest("/api/auth/me", { token: accessToken }), undefined)).status;

async function expectSamePassword(response: Response) {
  expect(response.status).toBe(400);
  const problem = await response.json();
  expect(problem.code).toBe("validation_failed");
  expect(problem.errors).toEqual([{ path: "new_password", message: expect.stringMatching(/current password/) }]);
}

describe("a new password equal to the current one", () => {
  it("is refused by a password change, which changes nothing and ends no session", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    const other = await signInAgain(user);
    const before = await storedHash(user.id);
    const body = { current_password: password, new_password: password };
    await expectSamePassword(await changePassword(apiRequest("/api/auth/password", { method: "POST", body, token: accessToken }), undefined));
    expect(await storedHash(user.id)).toBe(before);
    expect(await stillSignedIn(accessToken)).toBe(200);
    expect(await stillSignedIn(other.accessToken)).toBe(200);
  });

  it("is refused by a reset, which changes nothing and ends no session", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    const before = await storedHash(user.id);
    const token = await issueLinkToken(user.id, "password_reset", user.email, 1800);
    const body = { token, new_password: password };
    await expectSamePassword(await reset(apiRequest("/api/auth/password/reset", { method: "POST", body }), undefined));
    expect(await storedHash(user.id)).toBe(before);
    expect(await stillSignedIn(accessToken)).toBe(200);
  });

  it("uses the reset link up, so a link cannot test guesses of the current password one after another", async () => {
    const { user, password } = await createSignedInUser();
    const token = await issueLinkToken(user.id, "password_reset", user.email, 1800);
    const resetWith = (new_password: string) =>
      reset(apiRequest("/api/auth/password/reset", { method: "POST", body: { token, new_password } }), undefined);
    await expectSamePassword(await resetWith(password));
    const again = await resetWith("some other guess entirely");
    expect(again.status).toBe(400);
    expect((await again.json()).code).toBe("invalid_reset_token");
  });
});
