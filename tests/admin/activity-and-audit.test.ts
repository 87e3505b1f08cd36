import { describe, expect, it } from "vitest";
import { GET as activity } from "@/app/api/auth/activity/route";
import { GET as audit } from "@/app/api/audit/route";
import { POST as disable } from "@/app/api/users/[id]/disable/route";
import { POST as enable } from "@/app/api/users/[id]/enable/route";
import { getDb } from "@/lib/db";
import { appendEventSql, recordEvent } from "@/lib/audit/trail";
import { createSignedInUser, signInAgain } from "../factories/users";
import { apiRequest, params } from "../helpers/http";

type Event = { id: string; type: string; actor: string; outcome: string; ip: string | null; userAgent: string | null } & Record<string, unknown>;
type Page = { events: Event[]; nextCursor: string | null; code?: string };

const read = async (response: Response) => ({ status: response.status, ...((await response.json()) as Page) });
const activityOf = (token: string, query = "") => activity(apiRequest(`/api/auth/activity${query}`, { token }), undefined).then(read);
const auditAs = (token: string, query = "") => audit(apiRequest(`/api/audit${query}`, { token }), undefined).then(read);

async function admin() {
  const db = await getDb();
  await db.user.deleteMany({ where: { email: "admin@example.com" } });
  return createSignedInUser({ email: "admin@example.com", verified: true });
}

const failedLogin = (userId: string, ip: string) =>
  recordEvent({ type: "login", outcome: "failure", actor: { kind: "user", id: userId }, targetId: userId, ip, userAgent: "curl/8", details: { why: "wrong_password" } });

describe("GET /api/auth/activity", () => {
  it("shows the caller their own events, newest first, with what an admin did marked as the admin's", async () => {
    const boss = await admin();
    const user = await createSignedInUser();
    const other = await createSignedInUser();
    await failedLogin(user.user.id, "198.51.100.9");
    await failedLogin(other.user.id, "198.51.100.10");
    await disable(apiRequest(`/api/users/${user.user.id}/disable`, { method: "POST", token: boss.accessToken, body: { reason: "Check" } }), params({ id: user.user.id }));
    await enable(apiRequest(`/api/users/${user.user.id}/enable`, { method: "POST", token: boss.accessToken, body: { reason: "Fine" } }), params({ id: user.user.id }));
    // The disable ended the user's sessions: they sign in again to look.
    const page = await activityOf((await signInAgain(user.user)).accessToken);
    expect(page.status).toBe(200);
    expect(page.events.map((e) => [e.type, e.outcome, e.actor])).toEqual([
      ["user_enabled", "success", "admin"],
      ["user_disabled", "success", "admin"],
      ["login", "failure", "self"],
    ]);
    expect(page.events[2]).toMatchObject({ ip: "198.51.100.9", userAgent: "curl/8" });
    // The admin's own address and browser are not the user's to read.
    expect(page.events[0]).toMatchObject({ ip: null, userAgent: null });
    // What only admins see stays with them.
    expect(Object.keys(page.events[0] ?? {}).sort()).toEqual(["actor", "at", "id", "ip", "outcome", "type", "userAgent"]);
  });

  it("keeps 90 days, pages by cursor, and refuses a cursor it did not make", async () => {
    const user = await createSignedInUser();
    const db = await getDb();
    await db.$executeRaw(appendEventSql({ type: "login", actor: { kind: "user", id: user.user.id }, targetId: user.user.id }, new Date(Date.now() - 91 * 86_400_000)));
    for (let n = 0; n < 3; n++) await failedLogin(user.user.id, `192.0.2.${n}`);

    const first = await activityOf(user.accessToken, "?limit=2");
    expect(first.events.map((e) => e.ip)).toEqual(["192.0.2.2", "192.0.2.1"]);
    const second = await activityOf(user.accessToken, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.events.map((e) => e.ip)).toEqual(["192.0.2.0"]);
    expect(second.nextCursor).toBeNull();
    expect((await activityOf(user.accessToken, "?cursor=abc")).status).toBe(400);
  });
});

describe("GET /api/audit", () => {
  it("shows admins every event with actor, target, session and reason, filtered by user and type", async () => {
    const boss = await admin();
    const user = await createSignedInUser();
    await failedLogin(user.user.id, "198.51.100.20");
    await disable(apiRequest(`/api/users/${user.user.id}/disable`, { method: "POST", token: boss.accessToken, body: { reason: "Spam" } }), params({ id: user.user.id }));

    const byUser = await auditAs(boss.accessToken, `?user=${user.user.id}`);
    expect(byUser.events.map((e) => e.type)).toEqual(["user_disabled", "login"]);
    expect(byUser.events[0]).toMatchObject({ actor: "admin", actorId: boss.user.id, targetId: user.user.id, sessionId: boss.sessionId, reason: "Spam" });
    // The admin acted: their own filter finds it too.
    expect((await auditAs(boss.accessToken, `?user=${boss.user.id}&type=user_disabled`)).events.map((e) => e.targetId)).toContain(user.user.id);
    expect((await auditAs(boss.accessToken, `?user=${user.user.id}&type=login`)).events.map((e) => e.type)).toEqual(["login"]);
  });

  it("is for admins only, and refuses an unknown type", async () => {
    const boss = await admin();
    const user = await createSignedInUser();
    expect((await auditAs(user.accessToken)).status).toBe(403);
    expect((await auditAs(boss.accessToken, "?type=coffee")).status).toBe(400);
  });
});
