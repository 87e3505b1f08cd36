// A refresh token is opaque: whatever a client sends in its place is a token that names
// no session, answered 401 with a Bearer challenge like an unknown one, never 400
// (README: The API). A body that is not a JSON object at all is still a bad body.
import { describe, expect, it } from "vitest";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { createSignedInUser } from "../factories/users";
import { apiRequest, ORIGIN } from "../helpers/http";

const post = (body: unknown, init: { cookies?: Record<string, string>; headers?: Record<string, string> } = {}) =>
  refresh(apiRequest("/api/auth/refresh", { method: "POST", body, ...init }), undefined);

describe("a refresh_token that is not a token", () => {
  it.each([
    ["a number", 42],
    ["true", true],
    ["an empty array", []],
    ["an array holding the live token", ["LIVE"]],
    ["an object", { token: "x" }],
    ["an empty object", {}],
    ["a string with a NUL", "abc\u0000def"],
    ["an object with a NUL inside", { a: "\u0000" }],
    ["null", null],
  ])("is answered 401 invalid_refresh_token with a Bearer challenge when it is %s", async (_what, value) => {
    const { refreshToken } = await createSignedInUser();
    const token = Array.isArray(value) ? value.map((v) => (v === "LIVE" ? refreshToken : v)) : value;
    const response = await post({ refresh_token: token });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect((await response.json()).code).toBe("invalid_refresh_token");
  });

  it("takes a refresh_token of null as none sent, so the browser's cookie still refreshes", async () => {
    const { refreshToken } = await createSignedInUser();
    const response = await post({ refresh_token: null }, { cookies: { refresh_token: refreshToken }, headers: { origin: ORIGIN } });
    expect(response.status).toBe(200);
  });

  it("still refreshes with a live token next to fields it does not know", async () => {
    const { refreshToken } = await createSignedInUser();
    expect((await post({ refresh_token: refreshToken, extra: [1, { b: null }] })).status).toBe(200);
  });
});

describe("a refresh body that is not a JSON object", () => {
  it("is 400 malformed_json when it is not JSON", async () => {
    const response = await post('{"refresh_token": ');
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("malformed_json");
  });

  it.each([["an array", "[]"], ["a string", '"token"'], ["a number", "42"], ["null", "null"]])(
    "is 400 validation_failed when it is %s",
    async (_what, text) => {
      const response = await post(text);
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe("validation_failed");
    },
  );
});
