import { describe, expect, it } from "vitest";
import { GET as listUsers } from "@/app/api/users/route";
import { createSignedInUser } from "../factories/users";
import { apiRequest } from "../helpers/http";

const usersPage = (accessToken: string, query = "") =>
  listUsers(apiRequest(`/api/users${query}`, { token: accessToken }), undefined);

describe("GET /api/users", () => {
  it("answers 403 admin_required to a user who is not an admin", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await usersPage(accessToken);
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("admin_required");
  });

  it("answers 401 without a token", async () => {
    expect((await listUsers(apiRequest("/api/users"), undefined)).status).toBe(401);
  });

  it("lists every user to an admin, page by page, without password hashes", async () => {
    const admin = await createSignedInUser({ email: "admin@example.com", verified: true });
    expect(admin.user.role).toBe("admin");
    for (let i = 0; i < 4; i++) await createSignedInUser();

    const seen: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page: { users: Array<Record<string, unknown>>; nextCursor: string | null } = await (
        await usersPage(admin.accessToken, query)
      ).json();
      expect(page.users.length).toBeLessThanOrEqual(3);
      seen.push(...page.users);
      cursor = page.nextCursor;
    } while (cursor);

    // Every user of this file's database, once: the admin, the four above, and earlier tests'.
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen.map((u) => u.id)).size).toBe(seen.length);
    expect(seen.map((u) => u.email)).toContain("admin@example.com");
    for (const user of seen) expect(Object.keys(user).sort()).toEqual([
      "activeSessions",
      "createdAt",
      "disabled",
      "email",
      "emailVerified",
      "id",
      "lastLoginAt",
      "mfa",
      "name",
      "role",
    ]);
  });

  it("rejects limits outside 1 to 100 and a cursor it did not make", async () => {
    const admin = await createSignedInUser({ email: "root@example.com", verified: true });
    expect((await usersPage(admin.accessToken, "?limit=0")).status).toBe(400);
    expect((await usersPage(admin.accessToken, "?limit=101")).status).toBe(400);
    expect((await usersPage(admin.accessToken, "?cursor=garbage")).status).toBe(400);
  });
});
