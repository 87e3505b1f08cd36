import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";
import { linkToken } from "../helpers/smtp";

const { POST: signup } = await import("@/app/api/auth/signup/route");
const { POST: login } = await import("@/app/api/auth/login/route");
const { POST: refresh } = await import("@/app/api/auth/refresh/route");
const { POST: verify } = await import("@/app/api/auth/email/verify/route");
const { POST: resend } = await import("@/app/api/auth/email/verify/resend/route");
const { GET: listUsers } = await import("@/app/api/users/route");
const { verifyAccessToken } = await import("@/lib/auth/identity/jwt");
const { getDb } = await import("@/lib/db");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

let n = 0;
const freshIp = () => `198.51.100.${++n}`;

async function signUp(email: string, password = "analytical engine") {
  const response = await signup(apiRequest("/api/auth/signup", { method: "POST", body: { email, password }, ip: freshIp() }), undefined);
  expect(response.status).toBe(201);
  return response.json();
}
// Confirmed in a session of the account the link belongs to.
const verifyWith = (accessToken: string, token: string) =>
  verify(apiRequest("/api/auth/email/verify", { method: "POST", token: accessToken, body: { token } }), undefined);
const resendFor = (accessToken: string) =>
  resend(apiRequest("/api/auth/email/verify/resend", { method: "POST", token: accessToken }), undefined);
const logIn = (email: string, password = "analytical engine") =>
  login(apiRequest("/api/auth/login", { method: "POST", body: { email, password }, ip: freshIp() }), undefined);

async function verificationToken(email: string) {
  const mail = await mailbox.next(email);
  expect(mail.subject).toBe("Confirm your email address · JWT Items");
  return linkToken(mail, "/verify-email");
}

describe("email verification", () => {
  it("starts every account unverified, and mails a verification link at signup", async () => {
    const email = `new${++n}@example.com`;
    const body = await signUp(email);
    expect(body.user.emailVerified).toBe(false);
    const mail = await mailbox.next(email);
    expect(mail.text).toContain("http://localhost:3000/verify-email#token=");
    expect(mail.text).toMatch(/This link works for 24 hours, once\./);
    expect(mail.html).toContain("Confirm my email");
  });

  it("verifies the address with the link, and answers the verified user", async () => {
    const email = `verify${++n}@example.com`;
    const { access_token } = await signUp(email);
    const response = await verifyWith(access_token, await verificationToken(email));
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ email, emailVerified: true });
    expect((await (await logIn(email)).json()).user.emailVerified).toBe(true);
  });

  it("takes a link once: the second time is 400 invalid_verification_token", async () => {
    const email = `once${++n}@example.com`;
    const { access_token } = await signUp(email);
    const token = await verificationToken(email);
    expect((await verifyWith(access_token, token)).status).toBe(200);
    const again = await verifyWith(access_token, token);
    expect(again.status).toBe(400);
    expect((await again.json()).code).toBe("invalid_verification_token");
  });

  it("refuses an expired link", async () => {
    const email = `expired${++n}@example.com`;
    const { user, access_token } = await signUp(email);
    const token = await verificationToken(email);
    const db = await getDb();
    await db.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await (await verifyWith(access_token, token)).json()).code).toBe("invalid_verification_token");
  });

  it("resends a new link that voids the older one, and says 409 once the address is verified", async () => {
    const email = `resend${++n}@example.com`;
    const { access_token } = await signUp(email);
    const first = await verificationToken(email);
    const resent = await resendFor(access_token);
    expect(resent.status).toBe(202);
    expect(await resent.json()).toEqual({ status: "sent" });
    const second = await verificationToken(email);
    expect((await (await verifyWith(access_token, first)).json()).code).toBe("invalid_verification_token");
    expect((await verifyWith(access_token, second)).status).toBe(200);

    const verified = await resendFor(access_token);
    expect(verified.status).toBe(409);
    expect((await verified.json()).code).toBe("email_already_verified");
  });

  it("limits resends to 3 an hour", async () => {
    const { accessToken } = await createSignedInUser();
    for (let i = 0; i < 3; i++) expect((await resendFor(accessToken)).status).toBe(202);
    expect((await resendFor(accessToken)).status).toBe(429);
  });
});

describe("admins, only once verified", () => {
  it("does not make an admin of whoever signs up first with an admin's address", async () => {
    // admin@example.com is in the tests' ADMIN_EMAILS.
    const signedUp = await signUp("admin@example.com");
    expect(signedUp.user.role).toBe("user");
    expect((await verifyAccessToken(signedUp.access_token)).role).toBe("user");
    expect((await (await logIn("admin@example.com")).json()).user.role).toBe("user");
    const forbidden = await listUsers(apiRequest("/api/users", { token: signedUp.access_token }), undefined);
    expect(forbidden.status).toBe(403);

    // Once the owner of the address follows the link, they are the admin, from the next token on.
    const verified = await verifyWith(signedUp.access_token, await verificationToken("admin@example.com"));
    expect((await verified.json()).user.role).toBe("admin");
    const refreshed = await (
      await refresh(apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token: signedUp.refresh_token } }), undefined)
    ).json();
    expect((await verifyAccessToken(refreshed.access_token)).role).toBe("admin");
    expect((await listUsers(apiRequest("/api/users", { token: refreshed.access_token }), undefined)).status).toBe(200);
  });

  it("drops the role at the next refresh once the email is no longer in ADMIN_EMAILS", async () => {
    // Verified and an admin when ADMIN_EMAILS still listed the address; the list has changed since.
    const former = await createSignedInUser({ email: `former-admin${++n}@example.com`, verified: true });
    const db = await getDb();
    await db.user.update({ where: { id: former.user.id }, data: { role: "admin" } });

    const refreshed = await (
      await refresh(apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token: former.refreshToken } }), undefined)
    ).json();
    expect((await verifyAccessToken(refreshed.access_token)).role).toBe("user");
    expect((await db.user.findUniqueOrThrow({ where: { id: former.user.id } })).role).toBe("user");
  });
});
