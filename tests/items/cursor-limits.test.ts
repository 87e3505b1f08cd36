// Hand-made cursors at the edges of what each sort key's column can hold: every one is
// answered 400 or a page, never a 500 (README: The API).
import { describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/items/route";
import type { ItemSort } from "@/lib/items/schemas";
import { createItemFor } from "../factories/items";
import { createSignedInUser } from "../factories/users";
import { apiRequest } from "../helpers/http";

const SOME_ID = "01936f90-1b2c-7d3e-8f40-5a6b7c8d9e0f";
const cursorOf = (sort: ItemSort, key: string) => Buffer.from(JSON.stringify([sort, key, SOME_ID])).toString("base64url");

async function statusFor(sort: ItemSort, key: string): Promise<{ status: number; paths: string[] }> {
  const { user, accessToken } = await createSignedInUser();
  await createItemFor(user.id, { name: "Lamp", price: "5.00" });
  const response = await list(apiRequest(`/api/items?sort=${sort}&cursor=${cursorOf(sort, key)}`, { token: accessToken }), undefined);
  const body = await response.json();
  return { status: response.status, paths: (body.errors ?? []).map((error: { path: string }) => error.path) };
}

describe.each(["created", "-created"] as const)("a cursor for sort=%s", (sort) => {
  it.each(["0000-01-01T00:00:00Z", "0000-12-31T23:59:59.999Z", "0000-06-15T12:00:00.000000Z"])(
    "naming a time in year 0, which PostgreSQL cannot hold (%s), is refused with 400 naming the cursor",
    async (key) => {
      expect(await statusFor(sort, key)).toEqual({ status: 400, paths: ["cursor"] });
    },
  );

  it.each(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2024-02-29T12:00:00.123Z"])(
    "naming a time from year 1 to 9999 (%s) gives a page",
    async (key) => {
      expect((await statusFor(sort, key)).status).toBe(200);
    },
  );

  it.each(["2023-02-29T00:00:00Z", "2024-01-01T24:00:00Z", "+010000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z"])(
    "naming a time that is no time (%s) is refused with 400",
    async (key) => {
      expect((await statusFor(sort, key)).status).toBe(400);
    },
  );
});

describe.each(["price", "-price"] as const)("a cursor for sort=%s", (sort) => {
  it.each(["0.00", "99999999.99"])("at the column's bound %s gives a page", async (key) => {
    expect((await statusFor(sort, key)).status).toBe(200);
  });

  it.each(["100000000.00", "-1.00", "1.5", "NaN", "Infinity"])("past what the column holds (%s) is refused with 400", async (key) => {
    expect(await statusFor(sort, key)).toEqual({ status: 400, paths: ["cursor"] });
  });
});

describe.each(["name", "-name"] as const)("a cursor for sort=%s", (sort) => {
  it.each(["\ud800", "\uffff", "名".repeat(400), "\u0001"])("with an awkward name key gives a page", async (key) => {
    expect((await statusFor(sort, key)).status).toBe(200);
  });
});
