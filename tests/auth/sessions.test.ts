import { describe, expect, it } from "vitest";
import { DELETE as endSession } from "@/app/api/auth/sessions/[id]/route";
import { DELETE as endSessions, GET as listSessions } from "@/app/api/auth/sessions/route";
import { getDb } from "@/lib/db";
import { createSignedInUser, signInAgain } from "../factories/users";
import { apiRequest, params } from "../helpers/http";

async function sessionsOf(accessToken: string, query = "") {
  const response = await listSessions(apiRequest(`/api/auth/sessions${query}`, { token: accessToken }), undefined);
  expect(response.status).toBe(200);
  return (await response.json()).sessions as Array<Record<string, unknown>>;
}

describe("the sessions list", () => {
  it("shows the caller's live sessions, marks the current one, and no one else's", async () => {
    const phone = await createSignedInUser({ userAgent: "Phone" });
    const laptop = await signInAgain(phone.user, "Laptop");
    await createSignedInUser();
    const sessions = await sessionsOf(laptop.accessToken);
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.id === laptop.sessionId)).toMatchObject({ current: true, userAgent: "Laptop", endedAt: null, endReason: null });
    expect(sessions.find((s) => s.id === phone.sessionId)).toMatchObject({ current: false, userAgent: "Phone" });
    expect(Object.keys(sessions[0] ?? {}).sort()).toEqual(
      ["createdAt", "current", "endReason", "endedAt", "id", "lastUsedAt", "userAgent"],
    );
  });

  it("includes ended sessions and why they ended only with ?include=ended", async () => {
    const phone = await createSignedInUser();
    const laptop = await signInAgain(phone.user, "Laptop");
    await endSession(
      apiRequest(`/api/auth/sessions/${phone.sessionId}`, { method: "DELETE", token: laptop.accessToken }),
      params({ id: phone.sessionId }),
    );
    expect(await sessionsOf(laptop.accessToken)).toHaveLength(1);
    const all = await sessionsOf(laptop.accessToken, "?include=ended");
    expect(all.find((s) => s.id === phone.sessionId)).toMatchObject({ endReason: "revoked", endedAt: expect.any(String) });
  });

  it("shows a session that ran out as ended, with the reason expired, when it expired", async () => {
    const old = await createSignedInUser({ userAgent: "Old tablet" });
    const current = await signInAgain(old.user, "Laptop");
    const db = await getDb();
    const expiredAt = new Date(Date.now() - 3600_000);
    await db.session.update({ where: { id: old.sessionId }, data: { expiresAt: expiredAt } });

    expect((await sessionsOf(current.accessToken)).map((s) => s.id)).toEqual([current.sessionId]);
    const all = await sessionsOf(current.accessToken, "?include=ended");
    expect(all.map((s) => s.id)).toEqual([current.sessionId, old.sessionId]);
    expect(all[1]).toMatchObject({ endReason: "expired", endedAt: expiredAt.toISOString(), userAgent: "Old tablet" });
  });

  it("answers 404 for ending another user's session, which stays alive", async () => {
    const alice = await createSignedInUser();
    const bob = await createSignedInUser();
    const response = await endSession(
      apiRequest(`/api/auth/sessions/${bob.sessionId}`, { method: "DELETE", token: alice.accessToken }),
      params({ id: bob.sessionId }),
    );
    expect(response.status).toBe(404);
    expect(await sessionsOf(bob.accessToken)).toHaveLength(1);
  });

  it("answers 404, not 500, for a malformed session id", async () => {
    const alice = await createSignedInUser();
    const response = await endSession(
      apiRequest("/api/auth/sessions/not-a-uuid", { method: "DELETE", token: alice.accessToken }),
      params({ id: "not-a-uuid" }),
    );
    expect(response.status).toBe(404);
  });

  it("rejects an unknown include value with 400", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await listSessions(apiRequest("/api/auth/sessions?include=everything", { token: accessToken }), undefined);
    expect(response.status).toBe(400);
  });

  it("ends every other session in one call with ?except=current, and keeps this one signed in", async () => {
    const phone = await createSignedInUser({ userAgent: "Phone" });
    const tablet = await signInAgain(phone.user, "Tablet");
    const laptop = await signInAgain(phone.user, "Laptop");
    const stranger = await createSignedInUser();
    const response = await endSessions(
      apiRequest("/api/auth/sessions?except=current", { method: "DELETE", token: laptop.accessToken }),
      undefined,
    );
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await sessionsOf(laptop.accessToken)).map((s) => s.id)).toEqual([laptop.sessionId]);
    const ended = (await sessionsOf(laptop.accessToken, "?include=ended")).filter((s) => !s.current);
    expect(ended.map((s) => [s.id, s.endReason]).sort()).toEqual(
      [[phone.sessionId, "revoked"], [tablet.sessionId, "revoked"]].sort(),
    );
    expect(await sessionsOf(stranger.accessToken)).toHaveLength(1);
  });

  it("rejects an unknown except value with 400 and ends nothing", async () => {
    const phone = await createSignedInUser();
    const laptop = await signInAgain(phone.user, "Laptop");
    const response = await endSessions(
      apiRequest("/api/auth/sessions?except=phone", { method: "DELETE", token: laptop.accessToken }),
      undefined,
    );
    expect(response.status).toBe(400);
    expect(await sessionsOf(laptop.accessToken)).toHaveLength(2);
  });
});
