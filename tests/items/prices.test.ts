import { describe, expect, it } from "vitest";
import { GET as getOne, PATCH } from "@/app/api/items/[id]/route";
import { POST } from "@/app/api/items/route";
import { getDb } from "@/lib/db";
import { createSignedInUser } from "../factories/users";
import { allItemsOf, createItemFor, itemName } from "../factories/items";
import { apiRequest, params } from "../helpers/http";

const create = (token: string, price: unknown) =>
  POST(apiRequest("/api/items", { method: "POST", token, body: { name: itemName(), price } }), undefined);

// JSON.stringify would turn a non-finite number into null; these are sent as raw text.
const createRaw = (token: string, priceJson: string) =>
  POST(apiRequest("/api/items", { method: "POST", token, body: `{"name":"${itemName()}","price":${priceJson}}` }), undefined);

async function priceError(response: Response): Promise<string | undefined> {
  expect(response.status).toBe(400);
  const { errors } = await response.json();
  return errors.find((e: { path: string }) => e.path === "price")?.message;
}

describe("prices", () => {
  it.each([
    [0.1, "0.10"],
    ["19.99", "19.99"],
    [99999999.99, "99999999.99"],
    ["99999999.99", "99999999.99"],
    [0, "0.00"],
    ["0", "0.00"],
    [12, "12.00"],
    ["12.5", "12.50"],
    [" 7.25 ", "7.25"],
    ["0007.5", "7.50"],
    [1.1, "1.10"],
  ])("round-trips %j as %j, exactly, through create and read", async (sent, expected) => {
    const { accessToken } = await createSignedInUser();
    const created = await create(accessToken, sent);
    expect(created.status).toBe(201);
    const { id, price } = await created.json();
    expect(price).toBe(expected);
    const read = await getOne(apiRequest(`/api/items/${id}`, { token: accessToken }), params({ id }));
    expect((await read.json()).price).toBe(expected);
  });

  it("stores the exact decimal in the database, never a float approximation", async () => {
    const { accessToken } = await createSignedInUser();
    const { id } = await (await create(accessToken, "0.10")).json();
    const db = await getDb();
    const rows = await db.$queryRaw<Array<{ exact: boolean }>>`SELECT price = 0.1::numeric AS exact FROM items WHERE id = ${id}::uuid`;
    expect(rows[0]?.exact).toBe(true);
  });

  it("sorts by the exact value: 0.1, 0.2 and 0.3 come back in order and as sent", async () => {
    const { user } = await createSignedInUser();
    for (const price of [0.2, 0.1, 0.3]) await createItemFor(user.id, { price });
    expect((await allItemsOf(user.id, "price")).map((i) => i.price)).toEqual(["0.10", "0.20", "0.30"]);
  });

  it.each([
    [-0.01, "The price cannot be negative."],
    ["-5", "The price cannot be negative."],
    [100000000, "The price can be at most 99,999,999.99."],
    ["100000000.00", "The price can be at most 99,999,999.99."],
    [1e21, "The price can be at most 99,999,999.99."],
    [1.234, "Use at most 2 decimal places (cents)."],
    ["1.001", "Use at most 2 decimal places (cents)."],
    [0.1 + 0.2, "Use at most 2 decimal places (cents)."],
    [1e-7, "Use at most 2 decimal places (cents)."],
    ["", "Enter a price."],
    [null, "Enter a price."],
    ["abc", "Enter the price as a number, like 12.50."],
    ["1e3", "Enter the price as a number, like 12.50."],
    ["12,50", "Enter the price as a number, like 12.50."],
    ["Infinity", "Enter the price as a number, like 12.50."],
    ["NaN", "Enter the price as a number, like 12.50."],
    [true, "Enter the price as a number, like 12.50."],
    [{ amount: 1 }, "Enter the price as a number, like 12.50."],
  ])("rejects %j with 400 and the message %j", async (price, message) => {
    const { accessToken } = await createSignedInUser();
    expect(await priceError(await create(accessToken, price))).toBe(message);
  });

  it("rejects numbers too large for a float to be finite, sent as raw JSON", async () => {
    const { accessToken } = await createSignedInUser();
    // 1e400 parses to Infinity in JavaScript: not a finite price.
    expect(await priceError(await createRaw(accessToken, "1e400"))).toBe("Enter a real number for the price.");
    expect(await priceError(await createRaw(accessToken, "-1e400"))).toBe("Enter a real number for the price.");
  });

  it("applies the same rules when a PATCH changes the price", async () => {
    const { user, accessToken } = await createSignedInUser();
    const item = await createItemFor(user.id, { price: "5.00" });
    const patch = (price: unknown) =>
      PATCH(apiRequest(`/api/items/${item.id}`, { method: "PATCH", token: accessToken, body: { price } }), params({ id: item.id }));
    expect(await priceError(await patch(-1))).toBe("The price cannot be negative.");
    expect((await (await patch("99999999.99")).json()).price).toBe("99999999.99");
    expect((await (await patch(0.1)).json()).price).toBe("0.10");
  });
});
