// PATCH /api/auth/me: the caller changes or clears their display name, and nothing else.
import { describe, expect, it } from "vitest";
import { DELETE as deleteMe, GET as getMe, PATCH as updateMe } from "@/app/api/auth/me/route";
import { getDb } from "@/lib/db";
import { createSignedInUser } from "../factories/users";
import { apiRequest, ORIGIN, type RequestOptions } from "../helpers/http";

const patch = (options: RequestOptions) => updateMe(apiRequest("/api/auth/me", { method: "PATCH", ...options }), undefined);
const storedName = async (id: string) => (await (await getDb()).user.findUniqueOrThrow({ where: { id }, select: { name: true } })).name;

describe("changing the display name", () => {
  it("stores the trimmed name and answers 200 with the whole user, as GET /api/auth/me shows it", async () => {
    const { user, accessToken } = await createSignedInUser({ name: "Old Name" });
    const response = await patch({ token: accessToken, body: { name: "  Ada Lovelace  " } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ user: { ...user, name: "Ada Lovelace" } });
    expect(await storedName(user.id)).toBe("Ada Lovelace");
    const me = await getMe(apiRequest("/api/auth/me", { token: accessToken }), undefined);
    expect(await me.json()).toEqual(body);
  });

  it("clears it with null, with an empty string and with only spaces", async () => {
    for (const name of [null, "", "   "]) {
      const { user, accessToken } = await createSignedInUser({ name: "To Be Cleared" });
      const response = await patch({ token: accessToken, body: { name } });
      expect(response.status).toBe(200);
      expect((await response.json()).user.name).toBeNull();
      expect(await storedName(user.id)).toBeNull();
    }
  });

  it("takes 100 characters and refuses 101 with 400 naming the field, changing nothing", async () => {
    const { user, accessToken } = await createSignedInUser({ name: "Kept" });
    expect((await patch({ token: accessToken, body: { name: "a".repeat(100) } })).status).toBe(200);
    const tooLong = await patch({ token: accessToken, body: { name: "b".repeat(101) } });
    expect(tooLong.status).toBe(400);
    const problem = await tooLong.json();
    expect(problem.code).toBe("validation_failed");
    expect(JSON.stringify(problem)).toContain("name");
    expect(await storedName(user.id)).toBe("a".repeat(100));
  });

  it("refuses a body without name, or a name that is not text, with 400", async () => {
    const { user, accessToken } = await createSignedInUser({ name: "Kept" });
    for (const body of [{}, { name: 42 }, { name: ["a"] }, { name: { first: "a" } }]) {
      const response = await patch({ token: accessToken, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await storedName(user.id)).toBe("Kept");
  });

  it("changes only the name: an email, role or emailVerified in the body is ignored", async () => {
    const { user, accessToken } = await createSignedInUser({ name: "Kept" });
    const response = await patch({
      token: accessToken,
      body: { name: "New", email: "other@example.com", role: "admin", emailVerified: true },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).user).toEqual({ ...user, name: "New" });
  });

  it("needs a signed-in caller: no token is 401", async () => {
    const response = await patch({ body: { name: "Nobody" } });
    expect(response.status).toBe(401);
  });

  it("refuses a cookie-authenticated change from another origin with 403 csrf_failed", async () => {
    const { user, accessToken } = await createSignedInUser({ name: "Kept" });
    const cookies = { access_token: accessToken };
    const foreign: Array<Record<string, string>> = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, {}];
    for (const headers of foreign) {
      const response = await patch({ cookies, headers, body: { name: "Pwned" } });
      expect(response.status).toBe(403);
      expect((await response.json()).code).toBe("csrf_failed");
    }
    expect(await storedName(user.id)).toBe("Kept");
    // The app's own page may.
    const own = await patch({ cookies, headers: { origin: ORIGIN }, body: { name: "Mine" } });
    expect(own.status).toBe(200);
    expect(await storedName(user.id)).toBe("Mine");
  });

  it("answers 401 once the account is deleted, never a 5xx", async () => {
    const { accessToken, password } = await createSignedInUser();
    await deleteMe(apiRequest("/api/auth/me", { method: "DELETE", token: accessToken, body: { password } }), undefined);
    expect((await patch({ token: accessToken, body: { name: "Ghost" } })).status).toBe(401);
  });

  it("touches only the caller's own account", async () => {
    const caller = await createSignedInUser({ name: "Caller" });
    const other = await createSignedInUser({ name: "Other" });
    await patch({ token: caller.accessToken, body: { name: "Changed" } });
    expect(await storedName(other.user.id)).toBe("Other");
  });
});
