// What the account's own doings leave in the audit trail, through the HTTP handlers: each
// event with its account, session, address and browser, failures included, and the chain
// still whole after all of them.
import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const { POST: signup } = await import("@/app/api/auth/signup/route");
const { POST: login } = await import("@/app/api/auth/login/route");
const { POST: logout } = await import("@/app/api/auth/logout/route");
const { POST: refresh } = await import("@/app/api/auth/refresh/route");
const { POST: changePassword } = await import("@/app/api/auth/password/route");
const { DELETE: deleteMe } = await import("@/app/api/auth/me/route");
const { getDb } = await import("@/lib/db");
const { verifyChain } = await import("@/lib/audit/verify");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";
const post = (path: string, body: unknown, extra: { token?: string; ip?: string } = {}) =>
  apiRequest(path, { method: "POST", body, headers: { "user-agent": BROWSER }, ...extra });

async function eventsOf(userId: string | null, type?: string) {
  const db = await getDb();
  return db.auditEvent.findMany({ where: { targetId: userId, ...(type ? { type } : {}) }, orderBy: { seq: "asc" } });
}

describe("the account's events", () => {
  it("records a signup and a login with the session they made, the address and the browser", async () => {
    const email = `events-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const signedUp = await signup(post("/api/auth/signup", { email, password: "a fine long passphrase" }, { ip: "198.51.100.4" }), undefined);
    const { user } = (await signedUp.json()) as { user: { id: string } };
    const loggedIn = await login(post("/api/auth/login", { email, password: "a fine long passphrase" }), undefined);
    const { access_token } = (await loggedIn.json()) as { access_token: string };
    const sid = JSON.parse(Buffer.from(access_token.split(".")[1] ?? "", "base64url").toString()).sid as string;

    const [signupEvent, loginEvent] = await eventsOf(user.id);
    expect(signupEvent).toMatchObject({ type: "signup", outcome: "success", actorType: "user", actorId: user.id, ip: "198.51.100.4", userAgent: BROWSER });
    expect(loginEvent).toMatchObject({ type: "login", outcome: "success", sessionId: sid, details: { method: "password" } });
  });

  it("records failed logins: a wrong password against the account, an unknown email against none, a locked and a disabled account", async () => {
    const { user, password } = await createSignedInUser();
    for (let n = 0; n < 5; n++) await login(post("/api/auth/login", { email: user.email, password: "not the password" }), undefined);
    expect((await login(post("/api/auth/login", { email: user.email, password }), undefined)).status).toBe(429);
    const unknown = `nobody-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await login(post("/api/auth/login", { email: unknown, password: "whatever it is" }, { ip: "192.0.2.77" }), undefined);

    const failures = (await eventsOf(user.id, "login")).map((e) => [e.outcome, (e.details as { why?: string })?.why]);
    expect(failures).toEqual([...Array(5).fill(["failure", "wrong_password"]), ["failure", "locked"]]);
    const db = await getDb();
    const stranger = await db.auditEvent.findFirst({ where: { type: "login", ip: "192.0.2.77" } });
    expect(stranger).toMatchObject({ targetId: null, actorId: null, outcome: "failure", details: { why: "unknown_email" } });

    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await db.rateLimit.deleteMany({});
    expect((await login(post("/api/auth/login", { email: user.email, password }), undefined)).status).toBe(403);
    expect((await eventsOf(user.id, "login")).at(-1)?.details).toEqual({ why: "disabled" });
  });

  it("records a logout, a reused refresh token, a password change and a deletion, each with its session", async () => {
    const account = await createSignedInUser();
    const { user, password } = account;
    const other = await login(post("/api/auth/login", { email: user.email, password }), undefined);
    const { refresh_token } = (await other.json()) as { refresh_token: string };
    await refresh(post("/api/auth/refresh", { refresh_token }), undefined);
    const db = await getDb();
    await db.refreshToken.updateMany({ where: { rotatedAt: { not: null } }, data: { rotatedAt: new Date(Date.now() - 60_000) } });
    expect((await refresh(post("/api/auth/refresh", { refresh_token }), undefined)).status).toBe(401);

    const third = await login(post("/api/auth/login", { email: user.email, password }), undefined);
    const thirdTokens = (await third.json()) as { refresh_token: string };
    await logout(post("/api/auth/logout", { refresh_token: thirdTokens.refresh_token }), undefined);
    const changed = await changePassword(
      post("/api/auth/password", { current_password: password, new_password: "another fine passphrase" }, { token: account.accessToken }),
      undefined,
    );
    expect(changed.status).toBe(204);
    expect((await deleteMe(apiRequest("/api/auth/me", { method: "DELETE", token: account.accessToken, body: { password: "another fine passphrase" } }), undefined)).status).toBe(204);

    const events = (await eventsOf(user.id)).map((e) => e.type).filter((t) => t !== "login");
    expect(events).toEqual(["refresh_reuse", "logout", "password_changed", "account_deleted"]);
    // The account is gone; its events stay, by id.
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    const deleted = (await eventsOf(user.id, "account_deleted"))[0];
    expect(deleted).toMatchObject({ sessionId: account.sessionId, details: { sessions_ended: 1 } });
    expect(await verifyChain()).toMatchObject({ ok: true });
  });
});

describe("the new-device notice", () => {
  it("is mailed for a sign-in without the account's device token, and not for one with it", async () => {
    const { user, password } = await createSignedInUser();
    const first = await login(post("/api/auth/login", { email: user.email, password }, { ip: "203.0.113.50" }), undefined);
    const { device_token } = (await first.json()) as { device_token: string };
    const notice = await mailbox.next(user.email);
    expect(notice.subject).toMatch(/^A sign-in from a new device/);
    expect(notice.text).toContain(`“${BROWSER}”`);
    expect(notice.text).toContain("203.0.113.50");

    expect((await login(post("/api/auth/login", { email: user.email, password, device_token }), undefined)).status).toBe(200);
    await mailbox.expectNone(user.email);
  });
});
