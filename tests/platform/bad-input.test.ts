// Input that PostgreSQL or a decoder would choke on is a 4xx, never a 500: NUL characters
// in any field (PostgreSQL text cannot hold them) and cookies with broken percent-escapes.
import { describe, expect, it } from "vitest";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { POST as signup } from "@/app/api/auth/signup/route";
import { GET as listItems, POST as createItem } from "@/app/api/items/route";
import { createSignedInUser } from "../factories/users";
import { apiRequest } from "../helpers/http";

async function problemOf(response: Response) {
  const body = await response.json();
  return { status: response.status, code: body.code, paths: (body.errors ?? []).map((e: { path: string }) => e.path) };
}

describe("input with a NUL character", () => {
  it("is refused with 400 naming the field, in a signup name", async () => {
    const response = await signup(
      apiRequest("/api/auth/signup", { method: "POST", body: { email: "nul@example.com", password: "long enough pw", name: "Ada\u0000" } }),
      undefined,
    );
    expect(await problemOf(response)).toEqual({ status: 400, code: "validation_failed", paths: ["name"] });
  });

  it("is refused with 400 in an item's fields and in a search", async () => {
    const { accessToken: token } = await createSignedInUser();
    const created = await createItem(apiRequest("/api/items", { method: "POST", token, body: { name: "Tea\u0000pot", price: "1.00" } }), undefined);
    expect(await problemOf(created)).toEqual({ status: 400, code: "validation_failed", paths: ["name"] });
    const searched = await listItems(apiRequest("/api/items?q=%00", { token }), undefined);
    expect(await problemOf(searched)).toEqual({ status: 400, code: "validation_failed", paths: ["q"] });
  });

  it("is refused with 400 inside a cursor", async () => {
    const { accessToken: token } = await createSignedInUser();
    const cursor = Buffer.from(JSON.stringify(["name", "a\u0000b", crypto.randomUUID()])).toString("base64url");
    const response = await listItems(apiRequest(`/api/items?sort=name&cursor=${cursor}`, { token }), undefined);
    expect(await problemOf(response)).toEqual({ status: 400, code: "validation_failed", paths: ["cursor"] });
  });
});

describe("a cookie with a broken percent-escape", () => {
  it("is as good as no cookie next to a valid Bearer token", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await listItems(apiRequest("/api/items", { token: accessToken, cookies: { access_token: "%" } }), undefined);
    expect(response.status).toBe(200);
  });

  it("is as good as no refresh token on refresh: 401 with a challenge", async () => {
    const response = await refresh(apiRequest("/api/auth/refresh", { method: "POST", cookies: { refresh_token: "%E0%A4%A" } }), undefined);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});
