import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/auth/me/route";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { GET as listSessions } from "@/app/api/auth/sessions/route";
import { getDb } from "@/lib/db";
import { createSignedInUser, signInAgain } from "../factories/users";
import { apiRequest, cookieValue, ORIGIN, setCookies } from "../helpers/http";

const withBody = (refresh_token: string) =>
  refresh(apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token } }), undefined);

const withCookie = (token: string, headers: Record<string, string> = { origin: ORIGIN }) =>
  refresh(apiRequest("/api/auth/refresh", { method: "POST", cookies: { refresh_token: token }, headers }), undefined);

/** Pretends the token was rotated `seconds` ago. */
async function ageRotation(seconds: number) {
  const db = await getDb();
  await db.refreshToken.updateMany({
    where: { rotatedAt: { not: null } },
    data: { rotatedAt: new Date(Date.now() - seconds * 1000) },
  });
}

describe("POST /api/auth/refresh", () => {
  it("trades a refresh token for a new access token and a new refresh token", async () => {
    const { refreshToken } = await createSignedInUser();
    const response = await withBody(refreshToken);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "token_type"]);
    expect(body.refresh_token).not.toBe(refreshToken);
    expect((await me(apiRequest("/api/auth/me", { token: body.access_token }), undefined)).status).toBe(200);
  });

  it("rotates cookies, and keeps the refresh token out of the body, when it came as a cookie", async () => {
    const { refreshToken } = await createSignedInUser();
    const response = await withCookie(refreshToken);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.refresh_token).toBeUndefined();
    const cookies = setCookies(response);
    expect(cookieValue(cookies.get("access_token"))).toBe(body.access_token);
    expect(cookieValue(cookies.get("refresh_token"))).not.toBe(refreshToken);
  });

  it("answers a token replayed within the grace window with the same successor its first use got", async () => {
    const { refreshToken, accessToken } = await createSignedInUser();
    const first = await withBody(refreshToken);
    const again = await withBody(refreshToken);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const successor = (await first.json()).refresh_token;
    expect((await again.json()).refresh_token).toBe(successor);
    expect((await withBody(successor)).status).toBe(200);
    expect((await me(apiRequest("/api/auth/me", { token: accessToken }), undefined)).status).toBe(200);
  });

  it("keeps one live refresh token per session: a replay within the window forks no second chain", async () => {
    const { refreshToken } = await createSignedInUser();
    const victim = (await (await withBody(refreshToken)).json()).refresh_token;
    const thief = (await (await withBody(refreshToken)).json()).refresh_token;
    expect(thief).toBe(victim);

    // The victim refreshes on; the copy the thief holds is then a rotated token like any other.
    const next = (await (await withBody(victim)).json()).refresh_token;
    await ageRotation(11);
    const replayed = await withBody(thief);
    expect(replayed.status).toBe(401);
    expect((await replayed.json()).code).toBe("refresh_token_reused");
    expect((await withBody(next)).status).toBe(401);
  });

  it("gives every one of concurrent refreshes of one token the same successor, with no 5xx", async () => {
    const { refreshToken, accessToken } = await createSignedInUser();
    const responses = await Promise.all(Array.from({ length: 10 }, () => withBody(refreshToken)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const tokens = await Promise.all(responses.map(async (r) => (await r.json()).refresh_token));
    expect(new Set(tokens).size).toBe(1);
    expect((await withBody(tokens[0])).status).toBe(200);
    expect((await me(apiRequest("/api/auth/me", { token: accessToken }), undefined)).status).toBe(200);
  });

  it("rejects a rotated token presented after the grace window, and ends the whole session", async () => {
    const { refreshToken, accessToken } = await createSignedInUser();
    const rotated = await withBody(refreshToken);
    const { refresh_token: newest, access_token: newAccess } = await rotated.json();
    await ageRotation(11);

    const reused = await withBody(refreshToken);
    expect(reused.status).toBe(401);
    expect((await reused.json()).code).toBe("refresh_token_reused");

    // Everything of that session stops working: the newest refresh token and every access token.
    expect((await withBody(newest)).status).toBe(401);
    expect((await me(apiRequest("/api/auth/me", { token: newAccess }), undefined)).status).toBe(401);
    const old = await me(apiRequest("/api/auth/me", { token: accessToken }), undefined);
    expect((await old.json()).code).toBe("session_revoked");
  });

  it("shows a session ended by reuse in the sessions list with the reason refresh_reuse", async () => {
    const stolen = await createSignedInUser();
    const otherDevice = await signInAgain(stolen.user, "second device");
    await withBody(stolen.refreshToken);
    await ageRotation(11);
    await withBody(stolen.refreshToken);

    const response = await listSessions(
      apiRequest("/api/auth/sessions?include=ended", { token: otherDevice.accessToken }),
      undefined,
    );
    const { sessions } = await response.json();
    expect(sessions).toContainEqual(
      expect.objectContaining({ id: stolen.sessionId, endReason: "refresh_reuse", current: false, endedAt: expect.any(String) }),
    );
    expect(sessions).toContainEqual(expect.objectContaining({ id: otherDevice.sessionId, current: true, endedAt: null }));
  });

  it("answers 401 invalid_refresh_token for an unknown token and for none at all", async () => {
    const unknown = await withBody("x".repeat(43));
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).code).toBe("invalid_refresh_token");
    const none = await refresh(apiRequest("/api/auth/refresh", { method: "POST" }), undefined);
    expect(none.status).toBe(401);
  });

  it("answers every unusable refresh token with 401 and a Bearer challenge, never 400", async () => {
    const { accessToken } = await createSignedInUser();
    const unusable = [
      await withBody(accessToken), // an access JWT where a refresh token belongs: over-long
      await withBody("x".repeat(5_000)),
      await withBody(""),
      await refresh(apiRequest("/api/auth/refresh", { method: "POST" }), undefined),
      await refresh(apiRequest("/api/auth/refresh", { method: "POST", body: {} }), undefined),
    ];
    for (const response of unusable) {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect((await response.json()).code).toBe("invalid_refresh_token");
    }
  });

  it("answers 401 refresh_token_expired once the session's refresh lifetime has passed", async () => {
    const { refreshToken, sessionId } = await createSignedInUser();
    const db = await getDb();
    await db.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await withBody(refreshToken);
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe("refresh_token_expired");
  });

  it("ends a session SESSION_MAX_AGE after its login, however often it is refreshed", async () => {
    const { refreshToken, sessionId } = await createSignedInUser();
    const db = await getDb();
    // Logged in 90 days less a minute ago, and refreshed ever since.
    const createdAt = new Date(Date.now() - (7_776_000 - 60) * 1000);
    await db.session.update({ where: { id: sessionId }, data: { createdAt } });

    const last = await withCookie(refreshToken);
    expect(last.status).toBe(200);
    expect((await last.json()).expires_in).toBeLessThanOrEqual(60);
    const cookies = setCookies(last);
    expect(cookies.get("refresh_token")).toMatch(/Max-Age=(60|59);/);
    const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.expiresAt.getTime()).toBe(createdAt.getTime() + 7_776_000 * 1000);

    // A minute later, the session's refresh lifetime has not run out, but its absolute one has.
    await db.session.update({ where: { id: sessionId }, data: { createdAt: new Date(createdAt.getTime() - 61_000) } });
    const after = await withCookie(cookieValue(cookies.get("refresh_token"))!);
    expect(after.status).toBe(401);
    expect((await after.json()).code).toBe("refresh_token_expired");
  });

  it("refuses a cookie refresh from another origin", async () => {
    const { refreshToken } = await createSignedInUser();
    const response = await withCookie(refreshToken, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("csrf_failed");
  });
});
