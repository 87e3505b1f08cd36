import { describe, expect, it } from "vitest";
import { GET as getOne, PATCH } from "@/app/api/items/[id]/route";
import { createSignedInUser } from "../factories/users";
import { createItemFor } from "../factories/items";
import { apiRequest, params } from "../helpers/http";

async function itemWithEtag() {
  const owner = await createSignedInUser();
  const item = await createItemFor(owner.user.id, { name: "Lamp", price: "10.00" });
  const read = await getOne(apiRequest(`/api/items/${item.id}`, { token: owner.accessToken }), params({ id: item.id }));
  return { owner, item, etag: read.headers.get("etag") ?? "" };
}

const patch = (token: string, id: string, body: unknown, ifMatch?: string) =>
  PATCH(
    apiRequest(`/api/items/${id}`, { method: "PATCH", token, body, headers: ifMatch === undefined ? {} : { "if-match": ifMatch } }),
    params({ id }),
  );

describe("optimistic concurrency with ETag and If-Match", () => {
  it("applies a PATCH whose If-Match is the current ETag and answers the next ETag", async () => {
    const { owner, item, etag } = await itemWithEtag();
    const response = await patch(owner.accessToken, item.id, { price: "11.00" }, etag);
    expect(response.status).toBe(200);
    const next = response.headers.get("etag");
    expect(next).toMatch(/^"\d+"$/);
    expect(next).not.toBe(etag);
  });

  it("answers 412 to a PATCH with a stale ETag and keeps the other writer's change", async () => {
    const { owner, item, etag } = await itemWithEtag();
    expect((await patch(owner.accessToken, item.id, { price: "11.00" }, etag)).status).toBe(200);
    const stale = await patch(owner.accessToken, item.id, { price: "99.00" }, etag);
    expect(stale.status).toBe(412);
    expect((await stale.json()).code).toBe("precondition_failed");
    const read = await getOne(apiRequest(`/api/items/${item.id}`, { token: owner.accessToken }), params({ id: item.id }));
    expect((await read.json()).price).toBe("11.00");
  });

  it("lets exactly one of two racing PATCHes with the same If-Match win", async () => {
    const { owner, item, etag } = await itemWithEtag();
    const responses = await Promise.all(
      ["20.00", "30.00"].map((price) => patch(owner.accessToken, item.id, { price }, etag)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it("accepts a list of ETags that holds the current one, and * for any version", async () => {
    const { owner, item, etag } = await itemWithEtag();
    const listed = await patch(owner.accessToken, item.id, { price: "1.00" }, `"999", ${etag}`);
    expect(listed.status).toBe(200);
    expect((await patch(owner.accessToken, item.id, { price: "2.00" }, "*")).status).toBe(200);
  });

  it("answers 412 for If-Match values that cannot match: weak, unquoted or garbage", async () => {
    const { owner, item, etag } = await itemWithEtag();
    for (const ifMatch of [`W/${etag}`, etag.replaceAll('"', ""), "nonsense", '""']) {
      expect((await patch(owner.accessToken, item.id, { price: "3.00" }, ifMatch)).status).toBe(412);
    }
  });

  it("answers 404, not 412, when the item is missing even if If-Match is sent", async () => {
    const { owner } = await itemWithEtag();
    const response = await patch(owner.accessToken, crypto.randomUUID(), { price: "1.00" }, '"1"');
    expect(response.status).toBe(404);
  });

  it("changes the ETag on every PATCH, even one that sends the same values", async () => {
    const { owner, item, etag } = await itemWithEtag();
    const first = await patch(owner.accessToken, item.id, { price: "10.00" });
    const second = await patch(owner.accessToken, item.id, { price: "10.00" });
    const tags = [etag, first.headers.get("etag"), second.headers.get("etag")];
    expect(new Set(tags).size).toBe(3);
  });
});
