import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";
import { linkToken } from "../helpers/smtp";

const { POST: forgot } = await import("@/app/api/auth/password/forgot/route");
const { POST: reset } = await import("@/app/api/auth/password/reset/route");
const { POST: login } = await import("@/app/api/auth/login/route");
const { POST: changePassword } = await import("@/app/api/auth/password/route");
const { GET: me } = await import("@/app/api/auth/me/route");
const { GET: listSessions } = await import("@/app/api/auth/sessions/route");
const { getDb } = await import("@/lib/db");
const { createSignedInUser, signInAgain } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

let ipCounter = 0;
// A new client address per test, so the per-IP reset limit stays out of the way.
const freshIp = () => `198.51.100.${++ipCounter}`;

const askForReset = (email: string, ip = freshIp()) =>
  forgot(apiRequest("/api/auth/password/forgot", { method: "POST", body: { email }, ip }), undefined);
const resetWith = (token: string, new_password = "a brand new passphrase") =>
  reset(apiRequest("/api/auth/password/reset", { method: "POST", body: { token, new_password } }), undefined);
const logIn = (email: string, password: string) =>
  login(apiRequest("/api/auth/login", { method: "POST", body: { email, password }, ip: freshIp() }), undefined);

async function resetMailFor(email: string) {
  const mail = await mailbox.next(email);
  expect(mail.subject).toBe("Reset your password · JWT Items");
  return { mail, token: linkToken(mail, "/reset-password") };
}

describe("forgot password", () => {
  it("answers 202 with one identical body whether or not an account has the email", async () => {
    const { user } = await createSignedInUser();
    const known = await askForReset(user.email);
    const unknown = await askForReset("nobody-at-all@example.com");
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    expect(known.headers.get("content-type")).toBe(unknown.headers.get("content-type"));
  });

  it("mails a reset link to an account's address, and nothing for an unknown one", async () => {
    const { user } = await createSignedInUser();
    await askForReset(user.email);
    await askForReset("no-such-account@example.com");
    const { mail, token } = await resetMailFor(user.email);
    expect(mail.text).toContain(`http://localhost:3000/reset-password#token=`);
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(mail.text).toMatch(/This link works for 30 minutes, once\./);
    expect(mail.html).toContain(`<html lang="en">`);
    expect(mail.html).toContain(`href="http://localhost:3000/reset-password#token=`);
    await mailbox.expectNone("no-such-account@example.com");
  });

  it("stores only a hash of the token", async () => {
    const { user } = await createSignedInUser();
    await askForReset(user.email);
    const { token } = await resetMailFor(user.email);
    const db = await getDb();
    const rows = await db.emailToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("answers 429 past 3 requests per email per hour, for a known and an unknown email alike", async () => {
    const { user } = await createSignedInUser();
    for (const email of [user.email, "unknown-but-limited@example.com"]) {
      for (let i = 0; i < 3; i++) expect((await askForReset(email)).status).toBe(202);
      const limited = await askForReset(email);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3000);
    }
  });

  it("refuses a request that another site's page makes, so no site can mail a victim's inbox full", async () => {
    const { user } = await createSignedInUser();
    const response = await forgot(
      apiRequest("/api/auth/password/forgot", {
        method: "POST",
        body: { email: user.email },
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
        ip: freshIp(),
      }),
      undefined,
    );
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("csrf_failed");
    await mailbox.expectNone(user.email);
  });

  it("answers 429 past 10 requests per client address per hour, whichever emails they name", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await askForReset(`someone${i}@example.com`, ip)).status).toBe(202);
    expect((await askForReset("one-more@example.com", ip)).status).toBe(429);
  });
});

describe("resetting the password with the mailed link", () => {
  it("sets the new password, which then signs in, while the old one no longer does", async () => {
    const { user, password } = await createSignedInUser();
    await askForReset(user.email);
    const { token } = await resetMailFor(user.email);
    expect((await resetWith(token, "a brand new passphrase")).status).toBe(204);
    expect((await logIn(user.email, "a brand new passphrase")).status).toBe(200);
    expect((await logIn(user.email, password)).status).toBe(401);
  });

  it("ends every session of the user, shown as password_reset", async () => {
    const { user, accessToken } = await createSignedInUser();
    const other = await signInAgain(user, "phone");
    await askForReset(user.email);
    const { token } = await resetMailFor(user.email);
    await resetWith(token);

    for (const old of [accessToken, other.accessToken]) {
      const response = await me(apiRequest("/api/auth/me", { token: old }), undefined);
      expect((await response.json()).code).toBe("session_revoked");
    }
    const fresh = await (await logIn(user.email, "a brand new passphrase")).json();
    const { sessions } = await (
      await listSessions(apiRequest("/api/auth/sessions?include=ended", { token: fresh.access_token }), undefined)
    ).json();
    const ended = sessions.filter((s: { endReason: string | null }) => s.endReason === "password_reset");
    expect(ended).toHaveLength(2);
  });

  it("marks the email verified: the link proved the owner reads mail there", async () => {
    const { user } = await createSignedInUser();
    expect(user.emailVerified).toBe(false);
    await askForReset(user.email);
    await resetWith((await resetMailFor(user.email)).token);
    const body = await (await logIn(user.email, "a brand new passphrase")).json();
    expect(body.user.emailVerified).toBe(true);
  });

  it("mails a notice of the reset to the account's address", async () => {
    const { user } = await createSignedInUser();
    await askForReset(user.email);
    await resetWith((await resetMailFor(user.email)).token);
    const notice = await mailbox.next(user.email);
    expect(notice.subject).toBe("Your password was reset · JWT Items");
    expect(notice.text).toMatch(/If this was not you, reset your password/);
  });

  it("works once: the same link again is 400 invalid_reset_token", async () => {
    const { user } = await createSignedInUser();
    await askForReset(user.email);
    const { token } = await resetMailFor(user.email);
    expect((await resetWith(token)).status).toBe(204);
    const again = await resetWith(token, "yet another passphrase");
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "invalid_reset_token", status: 400 });
    expect(again.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses an expired link", async () => {
    const { user } = await createSignedInUser();
    await askForReset(user.email);
    const { token } = await resetMailFor(user.email);
    const db = await getDb();
    await db.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await (await resetWith(token)).json()).code).toBe("invalid_reset_token");
  });

  it("honours only the newest link: asking again voids the one before", async () => {
    const { user } = await createSignedInUser();
    await askForReset(user.email);
    const first = (await resetMailFor(user.email)).token;
    await askForReset(user.email);
    const second = (await resetMailFor(user.email)).token;
    expect((await (await resetWith(first)).json()).code).toBe("invalid_reset_token");
    expect((await resetWith(second)).status).toBe(204);
  });

  it("voids a link once the password is changed another way", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    await askForReset(user.email);
    const { token } = await resetMailFor(user.email);
    const changed = await changePassword(
      apiRequest("/api/auth/password", {
        method: "POST",
        token: accessToken,
        body: { current_password: password, new_password: "changed the usual way" },
      }),
      undefined,
    );
    expect(changed.status).toBe(204);
    expect((await (await resetWith(token)).json()).code).toBe("invalid_reset_token");
    const notice = await mailbox.next(user.email);
    expect(notice.subject).toBe("Your password was changed · JWT Items");
  });

  it("refuses a made-up token, and names a too-short new password", async () => {
    expect((await (await resetWith("not-a-token-anyone-issued")).json()).code).toBe("invalid_reset_token");
    const { user } = await createSignedInUser();
    await askForReset(user.email);
    const { token } = await resetMailFor(user.email);
    const short = await resetWith(token, "short");
    expect(short.status).toBe(400);
    expect((await short.json()).errors).toEqual([expect.objectContaining({ path: "new_password" })]);
  });
});
