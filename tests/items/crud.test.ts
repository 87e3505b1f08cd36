import { describe, expect, it } from "vitest";
import { DELETE, GET as getOne, PATCH } from "@/app/api/items/[id]/route";
import { GET as list, POST } from "@/app/api/items/route";
import { createSignedInUser } from "../factories/users";
import { createItemFor, itemName } from "../factories/items";
import { apiRequest, params } from "../helpers/http";

const create = (token: string, body: unknown) => POST(apiRequest("/api/items", { method: "POST", token, body }), undefined);
const read = (token: string, id: string) => getOne(apiRequest(`/api/items/${id}`, { token }), params({ id }));

describe("creating, reading, changing and deleting an item", () => {
  it("creates an item: 201 with the item, its Location and an ETag", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await create(accessToken, { name: "  Desk lamp  ", price: "12.5", description: "Brass" });
    expect(response.status).toBe(201);
    const item = await response.json();
    expect(item).toEqual({
      id: expect.any(String),
      name: "Desk lamp",
      price: "12.50",
      description: "Brass",
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: item.createdAt,
    });
    expect(response.headers.get("location")).toBe(`/api/items/${item.id}`);
    expect(response.headers.get("etag")).toMatch(/^"\d+"$/);
  });

  it("stores no description as null", async () => {
    const { accessToken } = await createSignedInUser();
    const response = await create(accessToken, { name: itemName(), price: 1 });
    expect((await response.json()).description).toBeNull();
  });

  it("reads an item back with the same ETag that creating it answered", async () => {
    const { accessToken } = await createSignedInUser();
    const created = await create(accessToken, { name: itemName(), price: "3.00" });
    const item = await created.json();
    const response = await read(accessToken, item.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(item);
    expect(response.headers.get("etag")).toBe(created.headers.get("etag"));
  });

  it("changes only the fields sent, bumps updatedAt and answers a new ETag", async () => {
    const { user, accessToken } = await createSignedInUser();
    const item = await createItemFor(user.id, { name: "Chair", price: "40.00", description: "Oak" });
    const before = await read(accessToken, item.id);
    const response = await PATCH(
      apiRequest(`/api/items/${item.id}`, { method: "PATCH", token: accessToken, body: { price: 35 } }),
      params({ id: item.id }),
    );
    expect(response.status).toBe(200);
    const changed = await response.json();
    expect(changed).toMatchObject({ id: item.id, name: "Chair", price: "35.00", description: "Oak" });
    expect(changed.updatedAt >= item.updatedAt).toBe(true);
    expect(response.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect((await read(accessToken, item.id)).headers.get("etag")).toBe(response.headers.get("etag"));
  });

  it("clears the description with null or an empty string", async () => {
    const { user, accessToken } = await createSignedInUser();
    for (const description of [null, ""]) {
      const item = await createItemFor(user.id, { description: "Something" });
      const response = await PATCH(
        apiRequest(`/api/items/${item.id}`, { method: "PATCH", token: accessToken, body: { description } }),
        params({ id: item.id }),
      );
      expect((await response.json()).description).toBeNull();
    }
  });

  it("deletes an item: 204, then 404 for reading or deleting it again", async () => {
    const { user, accessToken } = await createSignedInUser();
    const item = await createItemFor(user.id);
    const remove = () => DELETE(apiRequest(`/api/items/${item.id}`, { method: "DELETE", token: accessToken }), params({ id: item.id }));
    const response = await remove();
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect((await read(accessToken, item.id)).status).toBe(404);
    expect((await remove()).status).toBe(404);
  });

  it("answers 404 problem+json, not 500, for ids that are not ids", async () => {
    const { accessToken } = await createSignedInUser();
    for (const id of ["nope", "123", "01936f90-1b2c-7d3e-8f40-5a6b7c8d9e0", "' OR 1=1 --", "%00"]) {
      const response = await read(accessToken, id);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await response.json()).code).toBe("not_found");
      const patched = await PATCH(apiRequest(`/api/items/x`, { method: "PATCH", token: accessToken, body: { price: 1 } }), params({ id }));
      expect(patched.status).toBe(404);
      const deleted = await DELETE(apiRequest(`/api/items/x`, { method: "DELETE", token: accessToken }), params({ id }));
      expect(deleted.status).toBe(404);
    }
  });

  it("answers 404 for a well-formed id that names no item", async () => {
    const { accessToken } = await createSignedInUser();
    expect((await read(accessToken, "01936f90-1b2c-7d3e-8f40-5a6b7c8d9e0f")).status).toBe(404);
  });
});

describe("every items endpoint without a valid token", () => {
  const id = "01936f90-1b2c-7d3e-8f40-5a6b7c8d9e0f";
  const calls: Array<[string, (token?: string) => Promise<Response>]> = [
    ["GET /api/items", (token) => list(apiRequest("/api/items", { token }), undefined)],
    ["POST /api/items", (token) => POST(apiRequest("/api/items", { method: "POST", token, body: { name: "x", price: 1 } }), undefined)],
    ["GET /api/items/{id}", (token) => getOne(apiRequest(`/api/items/${id}`, { token }), params({ id }))],
    ["PATCH /api/items/{id}", (token) => PATCH(apiRequest(`/api/items/${id}`, { method: "PATCH", token, body: { price: 1 } }), params({ id }))],
    ["DELETE /api/items/{id}", (token) => DELETE(apiRequest(`/api/items/${id}`, { method: "DELETE", token }), params({ id }))],
  ];

  it.each(calls)("%s answers 401 with a Bearer challenge", async (_name, call) => {
    for (const token of [undefined, "not.a.jwt"]) {
      const response = await call(token);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
