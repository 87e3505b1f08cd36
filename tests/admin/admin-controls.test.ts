import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const { GET: listUsers } = await import("@/app/api/users/route");
const { GET: getUser } = await import("@/app/api/users/[id]/route");
const { POST: disable } = await import("@/app/api/users/[id]/disable/route");
const { POST: enable } = await import("@/app/api/users/[id]/enable/route");
const { DELETE: endSessions } = await import("@/app/api/users/[id]/sessions/route");
const { DELETE: removeMfa } = await import("@/app/api/users/[id]/mfa/route");
const { POST: login } = await import("@/app/api/auth/login/route");
const { POST: refresh } = await import("@/app/api/auth/refresh/route");
const { GET: me } = await import("@/app/api/auth/me/route");
const { GET: sessionsList } = await import("@/app/api/auth/sessions/route");
const { getDb } = await import("@/lib/db");
const { createSession } = await import("@/lib/auth/sessions/sessions");
const { createSignedInUser } = await import("../factories/users");
const { turnOnTotp } = await import("../factories/factors");
const { apiRequest, params } = await import("../helpers/http");

type Json = Record<string, unknown> & { code?: string };

let admins = 0;
/** A verified admin (ADMIN_EMAILS lists admin@ and root@ example.com; each test file has its own database). */
async function signedInAdmin() {
  admins += 1;
  const email = admins === 1 ? "admin@example.com" : "root@example.com";
  const db = await getDb();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) await db.user.delete({ where: { id: existing.id } });
  return createSignedInUser({ email, verified: true });
}

const as = (token: string, body?: unknown) => ({ token, ...(body === undefined ? {} : { body }) });
const answer = async (response: Response) => ({ status: response.status, body: (response.status === 204 ? {} : await response.json()) as Json });

const disableAs = (token: string, id: string, body: unknown) =>
  disable(apiRequest(`/api/users/${id}/disable`, { method: "POST", ...as(token, body), headers: { "user-agent": "Admin browser" } }), params({ id })).then(answer);
const enableAs = (token: string, id: string, reason = "Looked into it") =>
  enable(apiRequest(`/api/users/${id}/enable`, { method: "POST", ...as(token, { reason }) }), params({ id })).then(answer);
const loginAs = (email: string, password: string) =>
  login(apiRequest("/api/auth/login", { method: "POST", body: { email, password } }), undefined).then(answer);
const refreshWith = (refresh_token: string) =>
  refresh(apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token } }), undefined).then(answer);
const meWith = (token: string) => me(apiRequest("/api/auth/me", { token }), undefined).then(answer);

describe("GET /api/users", () => {
  it("finds users whose email contains q, ignoring case, and matches LIKE's characters as themselves", async () => {
    const admin = await signedInAdmin();
    const tag = crypto.randomUUID().slice(0, 6);
    await createSignedInUser({ email: `ada_${tag}@example.com` });
    await createSignedInUser({ email: `adax${tag}@example.com` });
    const search = async (q: string) => {
      const { body } = await answer(await listUsers(apiRequest(`/api/users?q=${encodeURIComponent(q)}`, { token: admin.accessToken }), undefined));
      return (body.users as { email: string }[]).map((u) => u.email).sort();
    };
    expect(await search(`ADA_${tag}`)).toEqual([`ada_${tag}@example.com`]);
    expect(await search(`_${tag}`)).toEqual([`ada_${tag}@example.com`]);
    expect(await search(`%${tag}`)).toEqual([]);
    expect(await search(tag)).toEqual([`ada_${tag}@example.com`, `adax${tag}@example.com`]);
  });
});

describe("GET /api/users/{id}", () => {
  it("shows an admin whether the user is disabled, has two-step sign-in, when it last signed in and its live sessions", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    await loginAs(user.user.email, user.password);
    await turnOnTotp(user);
    const { status, body } = await answer(await getUser(apiRequest(`/api/users/${user.user.id}`, { token: admin.accessToken }), params({ id: user.user.id })));
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ id: user.user.id, disabled: null, mfa: true, lastLoginAt: expect.any(String) });
    // Turning TOTP on ended every other session: the one that turned it on is left.
    expect((body.user as { activeSessions: number }).activeSessions).toBe(1);
  });

  it("is 404 for no such user and 403 for someone who is not an admin", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    const missing = "0193a000-0000-7000-8000-00000000dead";
    expect((await getUser(apiRequest(`/api/users/${missing}`, { token: admin.accessToken }), params({ id: missing }))).status).toBe(404);
    expect((await getUser(apiRequest(`/api/users/${admin.user.id}`, { token: user.accessToken }), params({ id: admin.user.id }))).status).toBe(403);
  });
});

describe("disabling a user", () => {
  it("ends every session at once, and refuses login (once the password is right) and refresh with 403 account_disabled", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    const disabled = await disableAs(admin.accessToken, user.user.id, { reason: "Spam reports" });
    expect(disabled.status).toBe(200);
    expect(disabled.body.user).toMatchObject({ disabled: { reason: "Spam reports", until: null }, activeSessions: 0 });

    expect(await meWith(user.accessToken)).toMatchObject({ status: 401, body: { code: "session_revoked" } });
    expect(await loginAs(user.user.email, user.password)).toMatchObject({ status: 403, body: { code: "account_disabled" } });
    // A wrong password learns nothing about the account's state.
    expect(await loginAs(user.user.email, "wrong password!")).toMatchObject({ status: 401, body: { code: "invalid_credentials" } });
    expect(await refreshWith(user.refreshToken)).toMatchObject({ status: 403, body: { code: "account_disabled" } });

    const notice = await mailbox.next(user.user.email);
    expect(notice.subject).toMatch(/^Your account was disabled/);
    expect(notice.text).toContain("“Spam reports”");
  });

  it("lets the user sign in again once enabled, while the ended sessions' tokens stay ended (401)", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    await disableAs(admin.accessToken, user.user.id, { reason: "Checking" });
    const enabled = await enableAs(admin.accessToken, user.user.id);
    expect(enabled).toMatchObject({ status: 200, body: { user: { disabled: null } } });
    expect(await refreshWith(user.refreshToken)).toMatchObject({ status: 401, body: { code: "session_revoked" } });
    expect((await loginAs(user.user.email, user.password)).status).toBe(200);
  });

  it("ends by itself at `until`", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await disableAs(admin.accessToken, user.user.id, { reason: "A day off", until })).body.user).toMatchObject({
      disabled: { reason: "A day off", until: expect.stringMatching(/Z$/) },
    });
    expect((await loginAs(user.user.email, user.password)).status).toBe(403);
    const db = await getDb();
    await db.user.update({ where: { id: user.user.id }, data: { disabledUntil: new Date(Date.now() - 1000) } });
    expect((await loginAs(user.user.email, user.password)).status).toBe(200);
  });

  it("leaves no session to a login that checked the password before the disable landed", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    const db = await getDb();
    const { credentialsVersion } = await db.user.findUniqueOrThrow({ where: { id: user.user.id }, select: { credentialsVersion: true } });
    await disableAs(admin.accessToken, user.user.id, { reason: "Racing" });
    // The login's bcrypt comparison is done; only its session is still to be stored.
    expect(await createSession({ userId: user.user.id, credentialsVersion }, "late login")).toBeNull();
  });

  it("refuses an admin disabling themselves, a missing reason, an end in the past, and non-admins", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    expect(await disableAs(admin.accessToken, admin.user.id, { reason: "Oops" })).toMatchObject({ status: 409, body: { code: "cannot_disable_self" } });
    expect(await disableAs(admin.accessToken, user.user.id, { reason: "  " })).toMatchObject({ status: 400, body: { code: "validation_failed" } });
    expect(await disableAs(admin.accessToken, user.user.id, { reason: "Late", until: "2020-01-01T00:00:00Z" })).toMatchObject({ status: 400 });
    expect(await disableAs(user.accessToken, admin.user.id, { reason: "Coup" })).toMatchObject({ status: 403, body: { code: "admin_required" } });
    expect((await meWith(user.accessToken)).status).toBe(200);
  });

  it("needs a recent proof: an admin session last proved long ago gets RFC 9470's step-up challenge", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    const db = await getDb();
    await db.session.update({ where: { id: admin.sessionId }, data: { authTime: new Date(Date.now() - 3_600_000) } });
    const response = await disable(
      apiRequest(`/api/users/${user.user.id}/disable`, { method: "POST", ...as(admin.accessToken, { reason: "Spam" }) }),
      params({ id: user.user.id }),
    );
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe("step_up_required");
    expect(response.headers.get("www-authenticate")).toContain('error="insufficient_user_authentication"');
    expect((await meWith(user.accessToken)).status).toBe(200);
  });
});

describe("DELETE /api/users/{id}/sessions", () => {
  it("ends every session of the user as revoked_by_admin and mails the reason", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    const response = await endSessions(
      apiRequest(`/api/users/${user.user.id}/sessions`, { method: "DELETE", ...as(admin.accessToken, { reason: "Lost phone" }) }),
      params({ id: user.user.id }),
    );
    expect(response.status).toBe(204);
    expect((await meWith(user.accessToken)).status).toBe(401);
    const fresh = await loginAs(user.user.email, user.password);
    const list = await answer(await sessionsList(apiRequest("/api/auth/sessions?include=ended", { token: fresh.body.access_token as string }), undefined));
    expect((list.body.sessions as { id: string; endReason: string }[]).find((s) => s.id === user.sessionId)?.endReason).toBe("revoked_by_admin");
    expect((await mailbox.next(user.user.email)).text).toContain("“Lost phone”");
  });
});

describe("DELETE /api/users/{id}/mfa", () => {
  it("removes the user's TOTP and recovery codes, so the password alone signs in, and mails the reason", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    await turnOnTotp(user);
    await mailbox.next(user.user.email);
    const response = await removeMfa(
      apiRequest(`/api/users/${user.user.id}/mfa`, { method: "DELETE", ...as(admin.accessToken, { reason: "Lost device, ID checked" }) }),
      params({ id: user.user.id }),
    );
    expect(response.status).toBe(204);
    const db = await getDb();
    expect(await db.totpFactor.count({ where: { userId: user.user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.user.id } })).toBe(0);
    expect((await mailbox.next(user.user.email)).subject).toMatch(/^Two-step sign-in was turned off/);
  });
});

describe("the audit trail of admin actions", () => {
  it("records actor, target, session, address, browser and reason, in the same transaction as the change", async () => {
    const admin = await signedInAdmin();
    const user = await createSignedInUser();
    await disableAs(admin.accessToken, user.user.id, { reason: "Spam reports" });
    const db = await getDb();
    const event = await db.auditEvent.findFirst({ where: { type: "user_disabled", targetId: user.user.id } });
    expect(event).toMatchObject({
      actorType: "admin",
      actorId: admin.user.id,
      sessionId: admin.sessionId,
      ip: "203.0.113.1",
      userAgent: "Admin browser",
      reason: "Spam reports",
    });
    // No user, no change: and no event either.
    const missing = "0193a000-0000-7000-8000-00000000beef";
    expect((await disableAs(admin.accessToken, missing, { reason: "Ghost" })).status).toBe(404);
    expect(await db.auditEvent.count({ where: { targetId: missing } })).toBe(0);
  });
});
