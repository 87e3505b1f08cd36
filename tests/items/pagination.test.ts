import { describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/items/route";
import { ITEM_SORTS, type Item, type ItemSort } from "@/lib/items/schemas";
import { deleteItem, listItems } from "@/lib/items/service";
import { createSignedInUser } from "../factories/users";
import { allItemsOf, createItemFor, insertItems } from "../factories/items";
import { apiRequest } from "../helpers/http";

type Page = { items: Item[]; nextCursor: string | null };

async function page(token: string, sort: ItemSort, cursor: string | null, limit = 4): Promise<Page> {
  const query = new URLSearchParams({ sort, limit: String(limit), ...(cursor ? { cursor } : {}) });
  const response = await list(apiRequest(`/api/items?${query}`, { token }), undefined);
  expect(response.status).toBe(200);
  return response.json();
}

// The order the API promises (README: Endpoints), computed independently of the database: the sort key,
// then the id. Names are letters and digits only, which every collation orders alike.
function compare(sort: ItemSort, a: Item, b: Item): number {
  const key = (item: Item): string | number =>
    sort.endsWith("created") ? item.createdAt : sort.endsWith("price") ? Number(item.price) : item.name.toLowerCase();
  const [x, y] = [key(a), key(b)];
  const ascending = x < y ? -1 : x > y ? 1 : sort.endsWith("name") ? 0 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return sort.startsWith("-") ? -ascending : ascending;
}

// Shared prices and a shared created_at (one INSERT) make the id tie-break do real work.
const SEED = ["m10", "c20", "x30", "f40", "p50", "b60", "s70", "k80", "h90"].map((name, i) => ({
  name: name.toUpperCase(),
  price: ["5.00", "5.00", "0.10", "99999999.99", "5.00", "12.30", "0.10", "5.00", "40.00"][i] ?? "1.00",
}));

describe.each(ITEM_SORTS)("walking the list sorted by %s while it changes", (sort) => {
  it("never skips or repeats an item, with inserts and deletes between pages", async () => {
    const { user, accessToken } = await createSignedInUser();
    await insertItems(user.id, SEED);
    const seen: Item[] = [];
    const seenThenDeleted: Item[] = [];
    const insertedBehind = new Set<string>();
    let current = await page(accessToken, sort, null);
    for (let step = 0; ; step++) {
      seen.push(...current.items);
      if (!current.nextCursor) break;
      expect(step).toBeLessThan(20);
      const position = current.items.at(-1) as Item;
      // The item the cursor points at goes, and so does the next item not yet seen...
      await deleteItem(user.id, position.id);
      seenThenDeleted.push(position);
      const [next] = (await listItems(user.id, { sort, limit: 1, cursor: current.nextCursor })).items;
      if (next) await deleteItem(user.id, next.id);
      // ...while new items arrive on both sides of the position, one tied with it on price.
      for (const fresh of [
        { name: `A${step}NEW`, price: "0.01" },
        { name: `Z${step}NEW`, price: "99999999.98" },
        { name: `Q${step}NEW`, price: position.price },
      ]) {
        const item = await createItemFor(user.id, fresh);
        if (compare(sort, item, position) < 0) insertedBehind.add(item.id);
      }
      current = await page(accessToken, sort, current.nextCursor);
    }
    const ids = seen.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = [...(await allItemsOf(user.id, sort)), ...seenThenDeleted]
      .filter((item) => !insertedBehind.has(item.id))
      .sort((a, b) => compare(sort, a, b));
    expect(seen.map((item) => item.name)).toEqual(expected.map((item) => item.name));
  });

  it("pages through an unchanging list in the promised order, ending with a null cursor", async () => {
    const { user, accessToken } = await createSignedInUser();
    await insertItems(user.id, SEED);
    const pages: Page[] = [await page(accessToken, sort, null, 2)];
    while (pages.at(-1)?.nextCursor) pages.push(await page(accessToken, sort, pages.at(-1)?.nextCursor ?? null, 2));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 2, 1]);
    const walked = pages.flatMap((p) => p.items);
    expect(walked).toEqual([...walked].sort((a, b) => compare(sort, a, b)));
    expect(walked).toHaveLength(SEED.length);
  });
});

describe("the list's default order", () => {
  it("is newest first, 20 items a page", async () => {
    const { user, accessToken } = await createSignedInUser();
    const created: Item[] = [];
    for (let i = 0; i < 21; i++) created.push(await createItemFor(user.id));
    const response = await list(apiRequest("/api/items", { token: accessToken }), undefined);
    const body: Page = await response.json();
    expect(body.items).toHaveLength(20);
    expect(body.nextCursor).toEqual(expect.any(String));
    expect(body.items).toEqual([...created].sort((a, b) => compare("-created", a, b)).slice(0, 20));
  });

  it("answers an empty list with a null cursor for a user without items", async () => {
    const { accessToken } = await createSignedInUser();
    expect(await page(accessToken, "-created", null)).toEqual({ items: [], nextCursor: null });
  });

  it("gives no next cursor when the last page is exactly full", async () => {
    const { user, accessToken } = await createSignedInUser();
    for (let i = 0; i < 4; i++) await createItemFor(user.id);
    expect((await page(accessToken, "name", null, 4)).nextCursor).toBeNull();
  });
});
