import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/auth/me/route";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { POST as signup } from "@/app/api/auth/signup/route";
import { createSignedInUser } from "../factories/users";
import { apiRequest, cookieValue, ORIGIN, setCookies } from "../helpers/http";

// What a page's fetch() adds to every request; curl, apps and services send neither.
const fromPage = { origin: ORIGIN, "sec-fetch-site": "same-origin" };
let n = 0;

describe("where signup, login and refresh put the refresh token", () => {
  it("gives a browser's signup the refresh token only as an httpOnly cookie", async () => {
    const body = { email: `page${++n}-${crypto.randomUUID().slice(0, 6)}@example.com`, password: "analytical engine" };
    const response = await signup(
      apiRequest("/api/auth/signup", { method: "POST", body, headers: fromPage, ip: "198.51.100.201" }),
      undefined,
    );
    expect(response.status).toBe(201);
    const answer = await response.json();
    expect(answer).not.toHaveProperty("refresh_token");
    expect(answer).toMatchObject({ access_token: expect.any(String), token_type: "Bearer", user: { email: body.email } });
    expect(setCookies(response).get("refresh_token")).toMatch(/HttpOnly/);
  });

  it("gives a browser's login the refresh token only as a cookie, even when only Origin is sent", async () => {
    const { user, password } = await createSignedInUser();
    const browsers: Record<string, string>[] = [fromPage, { origin: ORIGIN }, { "sec-fetch-site": "same-origin" }];
    for (const headers of browsers) {
      const response = await login(
        apiRequest("/api/auth/login", { method: "POST", body: { email: user.email, password }, headers }),
        undefined,
      );
      expect(response.status).toBe(200);
      expect(await response.json()).not.toHaveProperty("refresh_token");
      expect(cookieValue(setCookies(response).get("refresh_token"))?.length).toBeGreaterThanOrEqual(43);
    }
  });

  it("gives an API client's login the refresh token in the body", async () => {
    const { user, password } = await createSignedInUser();
    const response = await login(apiRequest("/api/auth/login", { method: "POST", body: { email: user.email, password } }), undefined);
    expect((await response.json()).refresh_token.length).toBeGreaterThanOrEqual(43);
  });

  it("answers a browser that refreshes with a token in the body with cookies, not the new token", async () => {
    const { refreshToken } = await createSignedInUser();
    const response = await refresh(
      apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token: refreshToken }, headers: fromPage }),
      undefined,
    );
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).not.toHaveProperty("refresh_token");
    const cookies = setCookies(response);
    expect(cookieValue(cookies.get("access_token"))).toBe(answer.access_token);
    expect(cookieValue(cookies.get("refresh_token"))).not.toBe(refreshToken);
    expect((await me(apiRequest("/api/auth/me", { token: answer.access_token }), undefined)).status).toBe(200);
  });
});
