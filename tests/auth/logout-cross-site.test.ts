// Logout from another site's form (README: Cookies and CSRF): a browser honours the
// Set-Cookie of a cross-site form post's answer even when it sent no cookies, so a
// logout that clears cookies for anyone would let any page sign its visitors out.
import { describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { GET as me } from "@/app/api/auth/me/route";
import { createSignedInUser } from "../factories/users";
import { apiRequest, ORIGIN, type RequestOptions } from "../helpers/http";

const FORM = { "content-type": "application/x-www-form-urlencoded" };
type Headers = Record<string, string>;

const postLogout = (options: RequestOptions) => logout(apiRequest("/api/auth/logout", { method: "POST", ...options }), undefined);

async function sessionIsLive(refreshToken: string): Promise<boolean> {
  const response = await refresh(apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token: refreshToken } }), undefined);
  return response.status === 200;
}

describe("a logout posted by another site's form", () => {
  it("is refused with 403 and clears no cookie when the browser sent none", async () => {
    const attacks: Headers[] = [{ "sec-fetch-site": "cross-site", origin: "https://evil.example" }, { origin: "https://evil.example" }];
    for (const headers of attacks) {
      const response = await postLogout({ body: "", headers: { ...FORM, ...headers } });
      expect(response.status).toBe(403);
      expect((await response.json()).code).toBe("csrf_failed");
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it("is refused with 403 when the browser sent the cookies, and the session stays live", async () => {
    const { accessToken, refreshToken } = await createSignedInUser();
    const cookies = { access_token: accessToken, refresh_token: refreshToken };
    const attacks: Headers[] = [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }, { origin: "null" }];
    for (const headers of attacks) {
      const response = await postLogout({ body: "", cookies, headers: { ...FORM, ...headers } });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const withAccessCookieOnly = await postLogout({ cookies: { access_token: accessToken }, headers: { "sec-fetch-site": "cross-site" } });
    expect(withAccessCookieOnly.status).toBe(403);
    expect((await me(apiRequest("/api/auth/me", { token: accessToken }), undefined)).status).toBe(200);
    expect(await sessionIsLive(refreshToken)).toBe(true);
  });
});

describe("a logout from the app itself or an API client", () => {
  it("answers the header's same-origin Sign out form 303 to the login page, clears the cookies and ends the session", async () => {
    const { accessToken, refreshToken } = await createSignedInUser();
    const response = await postLogout({
      body: "",
      cookies: { access_token: accessToken, refresh_token: refreshToken },
      headers: { ...FORM, "sec-fetch-site": "same-origin", origin: ORIGIN },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?reason=signed-out");
    expect(response.headers.getSetCookie().map((line) => line.split("=")[0]).sort()).toEqual(["access_token", "refresh_token", "session_hint"]);
    expect(await sessionIsLive(refreshToken)).toBe(false);
  });

  it("answers a same-origin fetch 204", async () => {
    const { refreshToken } = await createSignedInUser();
    const response = await postLogout({ cookies: { refresh_token: refreshToken }, headers: { origin: ORIGIN } });
    expect(response.status).toBe(204);
    expect(await sessionIsLive(refreshToken)).toBe(false);
  });

  it("answers a client that sends neither Origin nor Sec-Fetch-Site 204, by refresh token or by access token", async () => {
    const byRefresh = await createSignedInUser();
    expect((await postLogout({ body: { refresh_token: byRefresh.refreshToken } })).status).toBe(204);
    expect(await sessionIsLive(byRefresh.refreshToken)).toBe(false);
    const byAccess = await createSignedInUser();
    expect((await postLogout({ token: byAccess.accessToken })).status).toBe(204);
    expect(await sessionIsLive(byAccess.refreshToken)).toBe(false);
  });
});
