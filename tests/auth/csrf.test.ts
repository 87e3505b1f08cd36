import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { DELETE as endAllSessions, GET as listSessions } from "@/app/api/auth/sessions/route";
import { createSignedInUser } from "../factories/users";
import { apiRequest, ORIGIN } from "../helpers/http";

const endAll = (init: Parameters<typeof apiRequest>[1]) =>
  endAllSessions(apiRequest("/api/auth/sessions", { method: "DELETE", ...init }), undefined);

describe("cookie-authenticated requests and CSRF", () => {
  it("refuses an unsafe cookie-authenticated request from another origin with 403", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await endAll({ cookies: { access_token: accessToken }, headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("csrf_failed");
  });

  it("refuses one that says it is cross-site, or that carries no origin at all", async () => {
    const { accessToken } = await createSignedInUser();
    const cookies = { access_token: accessToken };
    expect((await endAll({ cookies, headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await endAll({ cookies, headers: { "sec-fetch-site": "same-site" } })).status).toBe(403);
    expect((await endAll({ cookies })).status).toBe(403);
  });

  it("refuses an Origin with the app's host but another scheme or port", async () => {
    const { accessToken } = await createSignedInUser();
    const cookies = { access_token: accessToken };
    const url = new URL(ORIGIN);
    expect((await endAll({ cookies, headers: { origin: `https://${url.host}` } })).status).toBe(403);
    expect((await endAll({ cookies, headers: { origin: `${url.protocol}//${url.hostname}:4444` } })).status).toBe(403);
  });

  it("accepts one from the app's own origin", async () => {
    const { accessToken } = await createSignedInUser();
    expect((await endAll({ cookies: { access_token: accessToken }, headers: { origin: ORIGIN } })).status).toBe(204);
    const other = await createSignedInUser();
    expect((await endAll({ cookies: { access_token: other.accessToken }, headers: { "sec-fetch-site": "same-origin" } })).status).toBe(204);
  });

  it("does not check the origin of requests authenticated with the Authorization header", async () => {
    const { accessToken } = await createSignedInUser();
    expect((await endAll({ token: accessToken, headers: { origin: "https://tool.example" } })).status).toBe(204);
  });

  it("lets safe cookie-authenticated requests through from anywhere", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await listSessions(
      apiRequest("/api/auth/sessions", { cookies: { access_token: accessToken }, headers: { "sec-fetch-site": "cross-site" } }),
      undefined,
    );
    expect(response.status).toBe(200);
  });

  it("refuses a cookie logout from another origin", async () => {
    const { refreshToken } = await createSignedInUser();
    const response = await logout(
      apiRequest("/api/auth/logout", { method: "POST", cookies: { refresh_token: refreshToken }, headers: { origin: "https://evil.example" } }),
      undefined,
    );
    expect(response.status).toBe(403);
  });

  it("refuses a login form posted from another site (login CSRF)", async () => {
    const { user, password } = await createSignedInUser();
    const response = await login(
      apiRequest("/api/auth/login", {
        method: "POST",
        body: new URLSearchParams({ email: user.email, password }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      }),
      undefined,
    );
    expect(response.status).toBe(403);
  });
});
