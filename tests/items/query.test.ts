import { describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/items/route";
import type { Item } from "@/lib/items/schemas";
import { createSignedInUser } from "../factories/users";
import { createItemFor } from "../factories/items";
import { apiRequest } from "../helpers/http";

async function get(token: string, query: string) {
  const response = await list(apiRequest(`/api/items?${query}`, { token }), undefined);
  return { status: response.status, body: await response.json() };
}

async function names(token: string, query: string): Promise<string[]> {
  const { status, body } = await get(token, query);
  expect(status).toBe(200);
  return body.items.map((item: Item) => item.name);
}

describe("searching items by name with q", () => {
  it("matches anywhere in the name, ignoring case", async () => {
    const { user, accessToken } = await createSignedInUser();
    for (const name of ["Red Lamp", "lamp shade", "Desk", "LAMPION"]) await createItemFor(user.id, { name });
    expect(await names(accessToken, "q=LaMp&sort=name")).toEqual(["lamp shade", "LAMPION", "Red Lamp"]);
    expect(await names(accessToken, "q=%20%20desk%20&sort=name")).toEqual(["Desk"]);
  });

  it("takes % _ and \\ literally rather than as LIKE wildcards", async () => {
    const { user, accessToken } = await createSignedInUser();
    for (const name of ["50% off", "500 off", "snake_case", "snakeXcase", "back\\slash", "backslash"]) {
      await createItemFor(user.id, { name });
    }
    expect(await names(accessToken, `q=${encodeURIComponent("%")}`)).toEqual(["50% off"]);
    expect(await names(accessToken, `q=${encodeURIComponent("0%")}`)).toEqual(["50% off"]);
    expect(await names(accessToken, `q=${encodeURIComponent("e_c")}`)).toEqual(["snake_case"]);
    expect(await names(accessToken, `q=${encodeURIComponent("\\")}`)).toEqual(["back\\slash"]);
  });

  it("lists everything for an empty q", async () => {
    const { user, accessToken } = await createSignedInUser();
    for (const name of ["One", "Two"]) await createItemFor(user.id, { name });
    expect(await names(accessToken, "q=&sort=name")).toEqual(["One", "Two"]);
  });

  it("pages through the matches only, with the cursor", async () => {
    const { user, accessToken } = await createSignedInUser();
    for (const name of ["cup 1", "plate", "cup 2", "cup 3", "bowl"]) await createItemFor(user.id, { name });
    const first = await get(accessToken, "q=cup&sort=name&limit=2");
    expect(first.body.items.map((i: Item) => i.name)).toEqual(["cup 1", "cup 2"]);
    const second = await names(accessToken, `q=cup&sort=name&limit=2&cursor=${first.body.nextCursor}`);
    expect(second).toEqual(["cup 3"]);
  });
});

describe("the list's query parameters", () => {
  it.each(["0", "101", "-1", "2.5", "ten", ""])("rejects limit=%j with 400 naming the limit", async (limit) => {
    const { accessToken } = await createSignedInUser();
    const { status, body } = await get(accessToken, `limit=${limit}`);
    expect(status).toBe(400);
    expect(body.code).toBe("validation_failed");
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(["limit"]);
  });

  it("accepts limits of 1 and 100", async () => {
    const { user, accessToken } = await createSignedInUser();
    for (let i = 0; i < 2; i++) await createItemFor(user.id);
    expect(await names(accessToken, "limit=1")).toHaveLength(1);
    expect(await names(accessToken, "limit=100")).toHaveLength(2);
  });

  it("rejects an unknown sort with 400 that lists the choices", async () => {
    const { accessToken } = await createSignedInUser();
    const { status, body } = await get(accessToken, "sort=price;DROP");
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ path: "sort", message: expect.stringContaining("-created") }]);
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const someId = "01936f90-1b2c-7d3e-8f40-5a6b7c8d9e0f";
  it.each([
    ["no JSON inside", "-created", "garbage"],
    ["the wrong shape", "-created", encode([1, 2, 3])],
    ["a time that is not a time", "-created", encode(["-created", "yesterday", someId])],
    ["an id that is not an id", "-created", encode(["-created", "2025-01-01T00:00:00.000Z", "not-a-uuid"])],
    ["a price that is not a price", "price", encode(["price", "1e999", someId])],
    ["an empty name", "name", encode(["name", "", someId])],
  ])("answers 400 naming the cursor for a cursor with %s", async (_what, sort, cursor) => {
    const { accessToken } = await createSignedInUser();
    const { status, body } = await get(accessToken, `sort=${sort}&cursor=${cursor}`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ path: "cursor", message: expect.any(String) }]);
  });

  it("pages by name through names that JSON must escape at length", async () => {
    const { user, accessToken } = await createSignedInUser();
    // Quotes, backslashes and control characters each grow six-fold inside the cursor.
    const awkward = ['"\\\u0001'.repeat(33), "\u0002".repeat(100), "名".repeat(100)];
    for (const name of awkward) await createItemFor(user.id, { name });
    const first = await get(accessToken, "sort=name&limit=1");
    const second = await get(accessToken, `sort=name&limit=1&cursor=${first.body.nextCursor}`);
    const third = await get(accessToken, `sort=name&limit=1&cursor=${second.body.nextCursor}`);
    const walked = [first, second, third].flatMap((page) => page.body.items.map((item: Item) => item.name));
    expect(walked.sort()).toEqual([...awkward].sort());
    expect(third.body.nextCursor).toBeNull();
  });

  it("answers 400 for a cursor from another sort order", async () => {
    const { user, accessToken } = await createSignedInUser();
    for (let i = 0; i < 2; i++) await createItemFor(user.id);
    const { body } = await get(accessToken, "sort=name&limit=1");
    const other = await get(accessToken, `sort=price&cursor=${body.nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.errors[0].message).toMatch(/another sort order/);
  });
});
