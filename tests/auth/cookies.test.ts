import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/auth/me/route";
import { POST as login } from "@/app/api/auth/login/route";
import { readCookie } from "@/lib/auth/identity/cookies";
import { createSignedInUser } from "../factories/users";
import { apiRequest, setCookies } from "../helpers/http";

const withCookieHeader = (cookie: string) => ({ headers: new Headers({ cookie }) });

describe("reading the auth cookies", () => {
  it("reads a cookie by its exact name", () => {
    expect(readCookie(withCookieHeader("theme=dark; access_token=abc; x=1"), "access_token")).toBe("abc");
    expect(readCookie(withCookieHeader("my_access_token=abc"), "access_token")).toBeUndefined();
  });

  it("reads a name sent twice as no cookie, so a parent domain's cookie cannot win over this host's", () => {
    expect(readCookie(withCookieHeader("access_token=planted; access_token=ours"), "access_token")).toBeUndefined();
  });

  it("does not let a planted duplicate of the access cookie authenticate anyone", async () => {
    const planted = await createSignedInUser();
    const victim = await createSignedInUser();
    const response = await me(
      apiRequest("/api/auth/me", { headers: { cookie: `access_token=${planted.accessToken}; access_token=${victim.accessToken}` } }),
      undefined,
    );
    expect(response.status).toBe(401);
  });

  it("sets plain, non-Secure cookie names when the app is served over HTTP", async () => {
    const { user, password } = await createSignedInUser();
    const response = await login(apiRequest("/api/auth/login", { method: "POST", body: { email: user.email, password } }), undefined);
    expect([...setCookies(response).keys()].sort()).toEqual(["access_token", "device", "refresh_token", "session_hint"]);
    for (const line of setCookies(response).values()) expect(line).not.toContain("Secure");
  });

  it("sets __Host- and __Secure- prefixed Secure cookies behind a proxy that says HTTPS", async () => {
    const { user, password } = await createSignedInUser();
    const response = await login(
      apiRequest("/api/auth/login", { method: "POST", body: { email: user.email, password }, headers: { "x-forwarded-proto": "https" } }),
      undefined,
    );
    const cookies = setCookies(response);
    expect([...cookies.keys()].sort()).toEqual(["__Host-access_token", "__Host-session_hint", "__Secure-device", "__Secure-refresh_token"]);
    expect(cookies.get("__Host-session_hint")).toMatch(/^__Host-session_hint=1; Path=\/; .*Secure/);
    expect(cookies.get("__Secure-device")).toMatch(/Path=\/api\/auth; .*HttpOnly; SameSite=Strict; Secure/);
    expect(cookies.get("__Host-access_token")).toMatch(/^__Host-access_token=[^;]+; Path=\/; .*Secure/);
    expect(cookies.get("__Host-access_token")).not.toMatch(/Domain=/i);
    expect(cookies.get("__Secure-refresh_token")).toMatch(/Path=\/api\/auth; .*SameSite=Strict; Secure/);
  });
});
