import { describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/items/[id]/route";
import { POST } from "@/app/api/items/route";
import { createSignedInUser } from "../factories/users";
import { createItemFor, itemName } from "../factories/items";
import { apiRequest, params, type RequestOptions } from "../helpers/http";

const post = (token: string, options: RequestOptions) => POST(apiRequest("/api/items", { method: "POST", token, ...options }), undefined);

async function fieldErrors(response: Response): Promise<Record<string, string>> {
  expect(response.status).toBe(400);
  const problem = await response.json();
  expect(problem.code).toBe("validation_failed");
  return Object.fromEntries(problem.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
}

describe("the body of POST /api/items", () => {
  it("answers 415 for a body that is not JSON, form posts included", async () => {
    const { accessToken } = await createSignedInUser();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await post(accessToken, { body: "name=x&price=1", headers: { "content-type": type } });
      expect(response.status).toBe(415);
      expect((await response.json()).code).toBe("unsupported_media_type");
    }
  });

  it("answers 413 for a body over 16 KiB, however small it claims to be", async () => {
    const { accessToken } = await createSignedInUser();
    const body = JSON.stringify({ name: "big", price: 1, description: "x".repeat(17 * 1024) });
    expect((await post(accessToken, { body })).status).toBe(413);
    const lying = await post(accessToken, { body, headers: { "content-length": "20" } });
    expect(lying.status).toBe(413);
  });

  it("answers 400 malformed_json for broken JSON and 400 for a missing body", async () => {
    const { accessToken } = await createSignedInUser();
    const broken = await post(accessToken, { body: '{"name": "x", ' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).code).toBe("malformed_json");
    expect((await post(accessToken, {})).status).toBe(400);
    expect(await fieldErrors(await post(accessToken, { body: "[]" }))).toHaveProperty("body");
  });

  it("names every missing or invalid field with a message a person understands", async () => {
    const { accessToken } = await createSignedInUser();
    const errors = await fieldErrors(await post(accessToken, { body: { name: "   ", description: 5 } }));
    expect(errors).toEqual({
      name: "Enter a name.",
      price: "Enter a price.",
      description: "Enter the description as text.",
    });
  });

  it("refuses names over 100 characters and descriptions over 1000, accepts exactly those", async () => {
    const { accessToken } = await createSignedInUser();
    const tooLong = await fieldErrors(await post(accessToken, { body: { name: "n".repeat(101), price: 1, description: "d".repeat(1001) } }));
    expect(Object.keys(tooLong).sort()).toEqual(["description", "name"]);
    const longest = await post(accessToken, { body: { name: "n".repeat(100), price: 1, description: "d".repeat(1000) } });
    expect(longest.status).toBe(201);
  });

  it("answers 400, not 500, for a NUL character that PostgreSQL cannot store", async () => {
    const { accessToken } = await createSignedInUser();
    const errors = await fieldErrors(await post(accessToken, { body: { name: "a\u0000b", price: 1, description: "c\u0000" } }));
    expect(Object.keys(errors).sort()).toEqual(["description", "name"]);
  });

  it("accepts a name whose lower-case form is longer than itself", async () => {
    const { accessToken } = await createSignedInUser();
    // "İ" lower-cases to two characters, so the case-insensitive key outgrows the name.
    const response = await post(accessToken, { body: { name: "İ".repeat(100), price: 1 } });
    expect(response.status).toBe(201);
  });
});

describe("the body of PATCH /api/items/{id}", () => {
  const patch = (token: string, id: string, body: unknown) =>
    PATCH(apiRequest(`/api/items/${id}`, { method: "PATCH", token, body }), params({ id }));

  it("needs at least one field to change, and says so for an empty or unknown-only body", async () => {
    const { user, accessToken } = await createSignedInUser();
    const item = await createItemFor(user.id);
    for (const body of [{}, { nmae: "typo" }, { id: "x", version: 3 }]) {
      expect(await fieldErrors(await patch(accessToken, item.id, body))).toEqual({
        body: "Send at least one of name, price or description to change.",
      });
    }
  });

  it("applies the create rules to each field sent", async () => {
    const { user, accessToken } = await createSignedInUser();
    const item = await createItemFor(user.id);
    const errors = await fieldErrors(await patch(accessToken, item.id, { name: "", price: "1.234" }));
    expect(errors).toEqual({ name: "Enter a name.", price: "Use at most 2 decimal places (cents)." });
    expect(await fieldErrors(await patch(accessToken, item.id, { name: null }))).toHaveProperty("name");
  });

  it("ignores unknown fields next to known ones", async () => {
    const { user, accessToken } = await createSignedInUser();
    const item = await createItemFor(user.id);
    const name = itemName();
    const response = await patch(accessToken, item.id, { name, id: "other", ownerId: "someone" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: item.id, name });
  });
});
