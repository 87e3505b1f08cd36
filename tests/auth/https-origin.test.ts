// The app configured with an https:// APP_ORIGIN, as a deployment behind TLS is. lib/env
// reads the environment once, at its first import: vi.hoisted sets it before any import.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_ORIGIN = "https://items.example.com";
});

const { GET: me } = await import("@/app/api/auth/me/route");
const { POST: login } = await import("@/app/api/auth/login/route");
const { DELETE: endAllSessions } = await import("@/app/api/auth/sessions/route");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest, setCookies } = await import("../helpers/http");

describe("with APP_ORIGIN=https://items.example.com", () => {
  it("always sets Secure, prefixed cookies, whatever the proxy's headers say", async () => {
    const { user, password } = await createSignedInUser();
    // Addressed over plain HTTP, with no X-Forwarded-Proto: a TLS proxy that says nothing.
    const response = await login(apiRequest("/api/auth/login", { method: "POST", body: { email: user.email, password } }), undefined);
    const cookies = setCookies(response);
    expect([...cookies.keys()].sort()).toEqual(["__Host-access_token", "__Host-session_hint", "__Secure-device", "__Secure-refresh_token"]);
    for (const line of cookies.values()) expect(line).toContain("; Secure");
  });

  it("reads only the __Host- access cookie: a plain one, as a sibling subdomain could set, is ignored", async () => {
    const { accessToken } = await createSignedInUser();
    const plain = await me(apiRequest("/api/auth/me", { cookies: { access_token: accessToken } }), undefined);
    expect(plain.status).toBe(401);
    const prefixed = await me(apiRequest("/api/auth/me", { cookies: { "__Host-access_token": accessToken } }), undefined);
    expect(prefixed.status).toBe(200);
  });

  it("takes APP_ORIGIN as the app's origin in the CSRF check", async () => {
    const { accessToken } = await createSignedInUser();
    const endAll = (origin: string) =>
      endAllSessions(
        apiRequest("/api/auth/sessions", { method: "DELETE", cookies: { "__Host-access_token": accessToken }, headers: { origin } }),
        undefined,
      );
    // The request was addressed to http://localhost:3000, but the app lives at APP_ORIGIN.
    expect((await endAll("http://localhost:3000")).status).toBe(403);
    expect((await endAll("https://items.example.com")).status).toBe(204);
  });
});
