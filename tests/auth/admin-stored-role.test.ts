// Admin endpoints read the stored role, derived again from ADMIN_EMAILS and the verified
// address, not the role an access token claims: a demotion takes effect at once.
import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";
import { linkToken } from "../helpers/smtp";

const { POST: changeEmail } = await import("@/app/api/auth/email/route");
const { POST: verify } = await import("@/app/api/auth/email/verify/route");
const { GET: listUsers } = await import("@/app/api/users/route");
const { verifyAccessToken } = await import("@/lib/auth/identity/jwt");
const { getDb } = await import("@/lib/db");
const { markEmailVerified } = await import("@/lib/auth/accounts/users");
const { createSignedInUser, signInAgain } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

const usersPage = (accessToken: string) => listUsers(apiRequest("/api/users", { token: accessToken }), undefined);

describe("admin endpoints and the stored role", () => {
  it("answers 403 to a token that says admin once the address is no longer in ADMIN_EMAILS", async () => {
    // An admin from when ADMIN_EMAILS still listed the address; the list has changed since.
    const former = await createSignedInUser({ email: "dropped-admin@example.com", verified: true });
    const db = await getDb();
    await db.user.update({ where: { id: former.user.id }, data: { role: "admin" } });
    const { accessToken } = await signInAgain({ ...former.user, role: "admin" });
    expect((await verifyAccessToken(accessToken)).role).toBe("admin");

    const response = await usersPage(accessToken);
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("admin_required");
    expect((await db.user.findUniqueOrThrow({ where: { id: former.user.id } })).role).toBe("user");
  });

  it("answers 403 to the same token once the admin changed their email away from the listed one", async () => {
    const admin = await createSignedInUser({ email: "admin@example.com", verified: true });
    expect((await usersPage(admin.accessToken)).status).toBe(200);

    const body = { new_email: "ada-elsewhere@example.com", password: admin.password };
    expect((await changeEmail(apiRequest("/api/auth/email", { method: "POST", token: admin.accessToken, body }), undefined)).status).toBe(202);
    const token = linkToken(await mailbox.next("ada-elsewhere@example.com"), "/verify-email");
    const confirmed = await verify(apiRequest("/api/auth/email/verify", { method: "POST", token: admin.accessToken, body: { token } }), undefined);
    expect((await confirmed.json()).user).toMatchObject({ email: "ada-elsewhere@example.com", role: "user" });

    expect((await verifyAccessToken(admin.accessToken)).role).toBe("admin");
    expect((await usersPage(admin.accessToken)).status).toBe(403);
  });

  it("lets in an account that became admin since its token was made", async () => {
    const owner = await createSignedInUser({ email: "root@example.com" });
    expect((await verifyAccessToken(owner.accessToken)).role).toBe("user");
    await markEmailVerified(owner.user.id);
    expect((await usersPage(owner.accessToken)).status).toBe(200);
  });
});
