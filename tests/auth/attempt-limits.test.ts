// Each attempt at a password is counted before the password is checked (README: Limits),
// so neither parallel guesses nor a stolen session's re-typed passwords outrun the limit.
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { DELETE as deleteAccount } from "@/app/api/auth/me/route";
import { POST as changePassword } from "@/app/api/auth/password/route";
import { createSignedInUser } from "../factories/users";
import { apiRequest } from "../helpers/http";

const logIn = (email: string, password: string) =>
  login(apiRequest("/api/auth/login", { method: "POST", body: { email, password }, ip: "203.0.113.50" }), undefined);

const retypedForChange = (token: string, current: string) =>
  changePassword(
    apiRequest("/api/auth/password", { method: "POST", token, body: { current_password: current, new_password: "brand new password" } }),
    undefined,
  );

const retypedForDeletion = (token: string, password: string) =>
  deleteAccount(apiRequest("/api/auth/me", { method: "DELETE", token, body: { password } }), undefined);

describe("password attempts", () => {
  it("lets at most 5 of 20 wrong logins sent at once for one email reach the password check", async () => {
    const { user } = await createSignedInUser();
    const statuses = await Promise.all(Array.from({ length: 20 }, () => logIn(user.email, "wrong password").then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it("counts each wrong current password of a password change as a failed login of the account", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await retypedForChange(accessToken, "not my password")).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429]);
    expect((await logIn(user.email, password)).status).toBe(429);
  });

  it("counts each wrong password of an account deletion the same way", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    for (let i = 0; i < 5; i++) expect((await retypedForDeletion(accessToken, "not my password")).status).toBe(403);
    expect((await retypedForDeletion(accessToken, password)).status).toBe(429);
    expect((await logIn(user.email, password)).status).toBe(429);
  });

  it("clears the count when the right password is re-typed", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    for (let i = 0; i < 4; i++) await retypedForChange(accessToken, "not my password");
    expect((await retypedForChange(accessToken, password)).status).toBe(204);
    expect((await logIn(user.email, "brand new password")).status).toBe(200);
  });
});
