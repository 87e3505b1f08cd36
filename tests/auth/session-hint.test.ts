// The session hint (docs/decisions/0043-session-hint-cookie.md): an HttpOnly cookie at
// Path=/ that says only "this browser holds a refresh cookie", so that the login page's
// render knows whether a silent refresh can work. It lives and dies with the refresh
// cookie, and is never a credential: no access is decided by it.
import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/auth/me/route";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { GET as listItems } from "@/app/api/items/route";
import { createSignedInUser } from "../factories/users";
import { apiRequest, ORIGIN, setCookies } from "../helpers/http";

const maxAge = (line: string | undefined) => Number(/Max-Age=(\d+)/.exec(line ?? "")?.[1]);

describe("the session hint cookie", () => {
  it("is set beside the refresh cookie at login, HttpOnly like every cookie, for as long as the refresh cookie lives", async () => {
    const { user, password } = await createSignedInUser();
    const response = await login(apiRequest("/api/auth/login", { method: "POST", body: { email: user.email, password } }), undefined);
    const cookies = setCookies(response);
    const hint = cookies.get("session_hint");
    expect(hint).toMatch(/^session_hint=1; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect(maxAge(hint)).toBe(maxAge(cookies.get("refresh_token")));
    // No cookie the app sets is in reach of a script.
    for (const line of cookies.values()) expect(line).toContain("HttpOnly");
  });

  it("moves on with every cookie refresh, and goes when a refresh is refused", async () => {
    const { refreshToken } = await createSignedInUser();
    const renewed = await refresh(apiRequest("/api/auth/refresh", { method: "POST", cookies: { refresh_token: refreshToken }, headers: { origin: ORIGIN } }), undefined);
    expect(renewed.status).toBe(200);
    expect(setCookies(renewed).get("session_hint")).toMatch(/^session_hint=1;/);

    const refused = await refresh(apiRequest("/api/auth/refresh", { method: "POST", cookies: { refresh_token: "not-a-token" }, headers: { origin: ORIGIN } }), undefined);
    expect(refused.status).toBe(401);
    expect(setCookies(refused).get("session_hint")).toMatch(/^session_hint=; .*Max-Age=0/);
  });

  it("is cleared with the auth cookies at logout", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await logout(apiRequest("/api/auth/logout", { method: "POST", token: accessToken }), undefined);
    expect(response.status).toBe(204);
    expect(setCookies(response).get("session_hint")).toMatch(/^session_hint=; .*Max-Age=0/);
  });

  it("is not given to an API client that refreshes with a token in the body", async () => {
    const { refreshToken } = await createSignedInUser();
    const response = await refresh(apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token: refreshToken } }), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("authenticates nothing: a request with only the hint is refused, and so is a refresh", async () => {
    const hintOnly = { cookies: { session_hint: "1", "__Host-session_hint": "1" } };
    expect((await me(apiRequest("/api/auth/me", hintOnly), undefined)).status).toBe(401);
    expect((await listItems(apiRequest("/api/items", hintOnly), undefined)).status).toBe(401);
    const refreshed = await refresh(apiRequest("/api/auth/refresh", { method: "POST", ...hintOnly, headers: { origin: ORIGIN } }), undefined);
    expect(refreshed.status).toBe(401);
  });
});
