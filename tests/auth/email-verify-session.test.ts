// Opening a mailed confirmation link must not hand an address (or, with ADMIN_EMAILS, the
// admin role) to whoever created the account or asked for the change: the link is
// confirmed only by a session of the account it belongs to (docs/decisions/0027).
import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";
import { linkToken } from "../helpers/smtp";

const { POST: signup } = await import("@/app/api/auth/signup/route");
const { POST: refresh } = await import("@/app/api/auth/refresh/route");
const { POST: changeEmail } = await import("@/app/api/auth/email/route");
const { POST: verify } = await import("@/app/api/auth/email/verify/route");
const { GET: me } = await import("@/app/api/auth/me/route");
const { GET: listUsers } = await import("@/app/api/users/route");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

let n = 0;
const verifyAs = (accessToken: string | undefined, token: string) =>
  verify(apiRequest("/api/auth/email/verify", { method: "POST", token: accessToken, body: { token } }), undefined);
const whoIs = async (accessToken: string) => (await (await me(apiRequest("/api/auth/me", { token: accessToken }), undefined)).json()).user;

async function signUp(email: string) {
  const body = { email, password: "analytical engine" };
  const response = await signup(apiRequest("/api/auth/signup", { method: "POST", body, ip: `198.51.100.${++n}` }), undefined);
  expect(response.status).toBe(201);
  const signedUp = await response.json();
  return { ...signedUp, token: linkToken(await mailbox.next(email), "/verify-email") };
}

describe("confirming a mailed link needs the account's own session", () => {
  it("answers 401 with a Bearer challenge without a session, and leaves the link usable", async () => {
    const account = await signUp(`nosession${++n}@example.com`);
    const response = await verifyAs(undefined, account.token);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect((await verifyAs(account.access_token, account.token)).status).toBe(200);
  });

  it("answers 403 wrong_account to another account, and leaves the link for its own", async () => {
    const account = await signUp(`owner${++n}@example.com`);
    const other = await createSignedInUser();
    const response = await verifyAs(other.accessToken, account.token);
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("wrong_account");
    expect((await whoIs(other.accessToken)).emailVerified).toBe(false);
    expect((await whoIs(account.access_token)).emailVerified).toBe(false);

    const confirmed = await verifyAs(account.access_token, account.token);
    expect(confirmed.status).toBe(200);
    expect((await confirmed.json()).user).toMatchObject({ id: account.user.id, emailVerified: true });
  });

  it("keeps 400 invalid_verification_token for an unknown or used link, signed in", async () => {
    const account = await signUp(`used${++n}@example.com`);
    expect((await verifyAs(account.access_token, account.token)).status).toBe(200);
    for (const token of [account.token, "not-a-token-anyone-issued"]) {
      const response = await verifyAs(account.access_token, token);
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe("invalid_verification_token");
    }
  });
});

describe("pre-registering an admin's address", () => {
  it("never makes the stranger an admin, whoever opens the welcome link", async () => {
    // root@example.com is in the tests' ADMIN_EMAILS, and nobody has used it yet.
    const stranger = await signUp("root@example.com");
    const owner = await createSignedInUser();
    expect((await verifyAs(undefined, stranger.token)).status).toBe(401);
    expect((await verifyAs(owner.accessToken, stranger.token)).status).toBe(403);

    const refreshed = await refresh(
      apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token: stranger.refresh_token } }),
      undefined,
    );
    const { access_token } = await refreshed.json();
    expect((await whoIs(access_token)).role).toBe("user");
    expect((await listUsers(apiRequest("/api/users", { token: access_token }), undefined)).status).toBe(403);
  });
});

describe("an email change to an admin's address", () => {
  it("is refused with 403 when another account opens the link, and the address stays as it was", async () => {
    const asker = await createSignedInUser();
    const response = await changeEmail(
      apiRequest("/api/auth/email", { method: "POST", token: asker.accessToken, body: { new_email: "admin@example.com", password: asker.password } }),
      undefined,
    );
    expect(response.status).toBe(202);
    const token = linkToken(await mailbox.next("admin@example.com"), "/verify-email");

    const owner = await createSignedInUser();
    expect((await verifyAs(undefined, token)).status).toBe(401);
    const refused = await verifyAs(owner.accessToken, token);
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe("wrong_account");
    expect(await whoIs(asker.accessToken)).toMatchObject({ email: asker.user.email, role: "user" });
    expect(await whoIs(owner.accessToken)).toMatchObject({ email: owner.user.email, role: "user" });
  });
});
