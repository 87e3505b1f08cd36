import { describe, expect, it } from "vitest";
import { DELETE as deleteAccount, GET as me } from "@/app/api/auth/me/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as changePassword } from "@/app/api/auth/password/route";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { DELETE as endSession } from "@/app/api/auth/sessions/[id]/route";
import { DELETE as endAllSessions } from "@/app/api/auth/sessions/route";
import { GET as listItems } from "@/app/api/items/route";
import { createSignedInUser, signInAgain } from "../factories/users";
import { apiRequest, ORIGIN, params, setCookies } from "../helpers/http";

async function status(accessToken: string) {
  const response = await me(apiRequest("/api/auth/me", { token: accessToken }), undefined);
  return { status: response.status, code: response.status === 200 ? null : (await response.json()).code };
}

const revoked = { status: 401, code: "session_revoked" };

describe("revocation takes effect at the next request", () => {
  it("after logout with the refresh token", async () => {
    const { accessToken, refreshToken } = await createSignedInUser();
    const response = await logout(apiRequest("/api/auth/logout", { method: "POST", body: { refresh_token: refreshToken } }), undefined);
    expect(response.status).toBe(204);
    expect(await status(accessToken)).toEqual(revoked);
    const again = await refresh(apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token: refreshToken } }), undefined);
    expect(again.status).toBe(401);
  });

  it("after logout with only the access token, which clears both cookies", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await logout(apiRequest("/api/auth/logout", { method: "POST", token: accessToken }), undefined);
    expect(response.status).toBe(204);
    const cookies = setCookies(response);
    expect(cookies.get("access_token")).toContain("Max-Age=0");
    expect(cookies.get("refresh_token")).toContain("Max-Age=0");
    expect(await status(accessToken)).toEqual(revoked);
  });

  it("after a plain form post to logout, which clears the cookies and sends the browser to the login page", async () => {
    const { accessToken, refreshToken } = await createSignedInUser();
    const response = await logout(
      apiRequest("/api/auth/logout", {
        method: "POST",
        body: "",
        cookies: { refresh_token: refreshToken },
        headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
      }),
      undefined,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?reason=signed-out");
    expect(setCookies(response).get("refresh_token")).toContain("Max-Age=0");
    expect(await status(accessToken)).toEqual(revoked);
  });

  it("logout is idempotent, even with nothing or nonsense sent", async () => {
    const { refreshToken } = await createSignedInUser();
    const send = (body?: unknown) => logout(apiRequest("/api/auth/logout", { method: "POST", body }), undefined);
    expect((await send({ refresh_token: refreshToken })).status).toBe(204);
    expect((await send({ refresh_token: refreshToken })).status).toBe(204);
    expect((await send({ refresh_token: "nonsense" })).status).toBe(204);
    expect((await send()).status).toBe(204);
  });

  it("after ending one other session, which leaves this one alive", async () => {
    const phone = await createSignedInUser();
    const laptop = await signInAgain(phone.user, "laptop");
    const response = await endSession(
      apiRequest(`/api/auth/sessions/${phone.sessionId}`, { method: "DELETE", token: laptop.accessToken }),
      params({ id: phone.sessionId }),
    );
    expect(response.status).toBe(204);
    expect(await status(phone.accessToken)).toEqual(revoked);
    expect((await status(laptop.accessToken)).status).toBe(200);
  });

  it("after logout everywhere, for every device of the user and no one else", async () => {
    const phone = await createSignedInUser();
    const laptop = await signInAgain(phone.user, "laptop");
    const stranger = await createSignedInUser();
    const response = await endAllSessions(apiRequest("/api/auth/sessions", { method: "DELETE", token: phone.accessToken }), undefined);
    expect(response.status).toBe(204);
    expect(await status(phone.accessToken)).toEqual(revoked);
    expect(await status(laptop.accessToken)).toEqual(revoked);
    expect((await status(stranger.accessToken)).status).toBe(200);
  });

  it("after a password change, for every other session; this one stays signed in", async () => {
    const phone = await createSignedInUser({ password: "old password 1" });
    const laptop = await signInAgain(phone.user, "laptop");
    const response = await changePassword(
      apiRequest("/api/auth/password", {
        method: "POST",
        token: laptop.accessToken,
        body: { current_password: "old password 1", new_password: "new password 2" },
      }),
      undefined,
    );
    expect(response.status).toBe(204);
    expect(await status(phone.accessToken)).toEqual(revoked);
    expect((await status(laptop.accessToken)).status).toBe(200);
  });

  it("refuses a password change with a wrong current password with 403, not 401", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await changePassword(
      apiRequest("/api/auth/password", {
        method: "POST",
        token: accessToken,
        body: { current_password: "not it at all", new_password: "new password 2" },
      }),
      undefined,
    );
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("invalid_credentials");
    expect((await status(accessToken)).status).toBe(200);
  });

  it("after deleting the account, for every token of it, and its items go too", async () => {
    const { accessToken, password, user } = await createSignedInUser();
    const laptop = await signInAgain(user, "laptop");
    const wrong = await deleteAccount(
      apiRequest("/api/auth/me", { method: "DELETE", token: accessToken, body: { password: "wrong one!" } }),
      undefined,
    );
    expect(wrong.status).toBe(403);
    const response = await deleteAccount(
      apiRequest("/api/auth/me", { method: "DELETE", token: accessToken, body: { password } }),
      undefined,
    );
    expect(response.status).toBe(204);
    expect(await status(accessToken)).toEqual(revoked);
    expect(await status(laptop.accessToken)).toEqual(revoked);
    const items = await listItems(apiRequest("/api/items", { token: laptop.accessToken }), undefined);
    expect(items.status).toBe(401);
  });
});
