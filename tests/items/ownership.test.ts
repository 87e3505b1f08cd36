import { describe, expect, it } from "vitest";
import { DELETE, GET as getOne, PATCH } from "@/app/api/items/[id]/route";
import { GET as list } from "@/app/api/items/route";
import { createSignedInUser } from "../factories/users";
import { allItemsOf, createItemFor } from "../factories/items";
import { apiRequest, params } from "../helpers/http";

// Bob tries everything on Alice's item; each answer must match that for an id that
// does not exist at all, so Bob cannot even learn that it does.
async function aliceAndBob() {
  const alice = await createSignedInUser();
  const bob = await createSignedInUser();
  const item = await createItemFor(alice.user.id, { name: "Alice's bike", price: "250.00" });
  return { alice, bob, item };
}

describe("another user's item", () => {
  it("answers 404, not 403, for reading it, with the body of a missing item", async () => {
    const { bob, item } = await aliceAndBob();
    const theirs = await getOne(apiRequest(`/api/items/${item.id}`, { token: bob.accessToken }), params({ id: item.id }));
    const missingId = crypto.randomUUID();
    const missing = await getOne(apiRequest(`/api/items/${missingId}`, { token: bob.accessToken }), params({ id: missingId }));
    expect(theirs.status).toBe(404);
    expect(theirs.headers.get("etag")).toBeNull();
    expect(await theirs.json()).toEqual(await missing.json());
  });

  it("answers 404 for changing it, with or without If-Match, and leaves it unchanged", async () => {
    const { alice, bob, item } = await aliceAndBob();
    for (const headers of [{}, { "if-match": "\"1\"" }, { "if-match": "*" }] as Record<string, string>[]) {
      const response = await PATCH(
        apiRequest(`/api/items/${item.id}`, { method: "PATCH", token: bob.accessToken, headers, body: { name: "Mine now", price: 0 } }),
        params({ id: item.id }),
      );
      expect(response.status).toBe(404);
    }
    expect(await allItemsOf(alice.user.id)).toEqual([item]);
  });

  it("answers 404 for deleting it, and it stays", async () => {
    const { alice, bob, item } = await aliceAndBob();
    const response = await DELETE(apiRequest(`/api/items/${item.id}`, { method: "DELETE", token: bob.accessToken }), params({ id: item.id }));
    expect(response.status).toBe(404);
    expect(await allItemsOf(alice.user.id)).toEqual([item]);
  });

  it("is never listed, in any order, searched for or not", async () => {
    const { bob, item } = await aliceAndBob();
    const own = await createItemFor(bob.user.id, { name: "Bob's bike" });
    for (const query of ["", "?sort=name", "?sort=-price", "?q=bike", "?q=alice"]) {
      const response = await list(apiRequest(`/api/items${query}`, { token: bob.accessToken }), undefined);
      const ids = (await response.json()).items.map((i: { id: string }) => i.id);
      expect(ids).not.toContain(item.id);
      expect(ids).toEqual(query === "?q=alice" ? [] : [own.id]);
    }
  });

  it("cannot be reached through a cursor made from it", async () => {
    const { alice, bob } = await aliceAndBob();
    await createItemFor(alice.user.id, { name: "Alice's car" });
    const page = await list(apiRequest("/api/items?limit=1", { token: alice.accessToken }), undefined);
    const { nextCursor } = await page.json();
    const response = await list(apiRequest(`/api/items?cursor=${nextCursor}`, { token: bob.accessToken }), undefined);
    expect(response.status).toBe(200);
    expect((await response.json()).items).toEqual([]);
  });
});

describe("a browser's cookie on an unsafe items request", () => {
  it("is refused with 403 from another site and accepted from the app's own pages", async () => {
    const { user, accessToken } = await createSignedInUser();
    const item = await createItemFor(user.id);
    const patchFrom = (headers: Record<string, string>) =>
      PATCH(
        apiRequest(`/api/items/${item.id}`, { method: "PATCH", cookies: { access_token: accessToken }, headers, body: { price: 1 } }),
        params({ id: item.id }),
      );
    const forged = await patchFrom({ origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(forged.status).toBe(403);
    expect((await forged.json()).code).toBe("csrf_failed");
    expect((await patchFrom({ "sec-fetch-site": "same-origin" })).status).toBe(200);
  });
});
