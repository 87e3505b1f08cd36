// Conditional reads (RFC 9110 §13.1.2): a client that holds the current version of an
// item is told so with 304 and no body; If-None-Match compares weakly.
import { describe, expect, it } from "vitest";
import { GET as getOne, PATCH } from "@/app/api/items/[id]/route";
import { getOpenApiDocument } from "@/lib/openapi/document";
import { createItemFor } from "../factories/items";
import { createSignedInUser } from "../factories/users";
import { apiRequest, params } from "../helpers/http";

async function itemWithEtag() {
  const owner = await createSignedInUser();
  const item = await createItemFor(owner.user.id, { name: "Lamp", price: "10.00" });
  const first = await read(owner.accessToken, item.id);
  return { token: owner.accessToken, id: item.id, etag: first.headers.get("etag") ?? "" };
}

const read = (token: string, id: string, ifNoneMatch?: string) =>
  getOne(apiRequest(`/api/items/${id}`, { token, headers: ifNoneMatch === undefined ? {} : { "if-none-match": ifNoneMatch } }), params({ id }));

describe("GET /api/items/{id} with If-None-Match", () => {
  it("answers 304 with the ETag and no body when it names the current ETag", async () => {
    const { token, id, etag } = await itemWithEtag();
    const response = await read(token, id, etag);
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe(etag);
    expect(await response.text()).toBe("");
  });

  it.each([
    ["*", () => "*"],
    ["a list that holds it", (etag: string) => `"999999", ${etag},"x"`],
    ["its weak form", (etag: string) => `W/${etag}`],
    ["a list holding its weak form", (etag: string) => `W/"0" , W/${etag}`],
  ])("answers 304 for %s", async (_what, header) => {
    const { token, id, etag } = await itemWithEtag();
    expect((await read(token, id, header(etag))).status).toBe(304);
  });

  it("answers 200 with the item once the ETag is stale", async () => {
    const { token, id, etag } = await itemWithEtag();
    const patched = await PATCH(apiRequest(`/api/items/${id}`, { method: "PATCH", token, body: { price: "11.00" } }), params({ id }));
    const response = await read(token, id, etag);
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(patched.headers.get("etag"));
    expect((await response.json()).price).toBe("11.00");
  });

  it.each(['"999999"', "nonsense", '""', 'W/"x", "y"'])("answers 200 when it matches nothing: %s", async (header) => {
    const { token, id } = await itemWithEtag();
    expect((await read(token, id, header)).status).toBe(200);
  });

  it("answers 404, not 304, for another user's item, even with *", async () => {
    const { id } = await itemWithEtag();
    const stranger = await createSignedInUser();
    expect((await read(stranger.accessToken, id, "*")).status).toBe(404);
  });

  it("is listed in the OpenAPI document: the If-None-Match parameter and a 304 with the ETag", async () => {
    const operation = (await getOpenApiDocument()).paths["/api/items/{id}"]?.get;
    expect(operation?.parameters).toContainEqual({ $ref: "#/components/parameters/IfNoneMatch" });
    expect(operation?.responses["304"]).toEqual({
      description: expect.any(String),
      headers: { ETag: { $ref: "#/components/headers/ETag" } },
    });
  });
});
