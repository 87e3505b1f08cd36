import { describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/items/[id]/route";
import { POST } from "@/app/api/items/route";
import { deleteItem } from "@/lib/items/service";
import { createSignedInUser } from "../factories/users";
import { allItemsOf, createItemFor } from "../factories/items";
import { apiRequest, params } from "../helpers/http";

const create = (token: string, body: unknown) => POST(apiRequest("/api/items", { method: "POST", token, body }), undefined);

describe("item names, unique per user ignoring case", () => {
  it("answers 409 item_name_taken for a name the user already has in another case", async () => {
    const { user, accessToken } = await createSignedInUser();
    await createItemFor(user.id, { name: "Desk Lamp" });
    const response = await create(accessToken, { name: "  desk LAMP ", price: 1 });
    expect(response.status).toBe(409);
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 409, code: "item_name_taken" });
    expect(problem.errors).toEqual([{ path: "name", message: expect.any(String) }]);
  });

  it("lets two users have items of the same name", async () => {
    const alice = await createSignedInUser();
    const bob = await createSignedInUser();
    expect((await create(alice.accessToken, { name: "Bike", price: 1 })).status).toBe(201);
    expect((await create(bob.accessToken, { name: "bike", price: 1 })).status).toBe(201);
  });

  it("answers one 201 and only 409s to racing creates of one name, never a 500", async () => {
    const { user, accessToken } = await createSignedInUser();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create(accessToken, { name: i % 2 ? "Racing Name" : "racing name", price: i })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(await allItemsOf(user.id)).toHaveLength(1);
  });

  it("answers 409 when a PATCH renames an item to another of the user's names, and keeps both", async () => {
    const { user, accessToken } = await createSignedInUser();
    await createItemFor(user.id, { name: "Table" });
    const chair = await createItemFor(user.id, { name: "Chair" });
    const response = await PATCH(
      apiRequest(`/api/items/${chair.id}`, { method: "PATCH", token: accessToken, body: { name: "TABLE" } }),
      params({ id: chair.id }),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).code).toBe("item_name_taken");
    expect((await allItemsOf(user.id, "name")).map((i) => i.name)).toEqual(["Chair", "Table"]);
  });

  it("lets an item be renamed to a different case of its own name", async () => {
    const { user, accessToken } = await createSignedInUser();
    const lamp = await createItemFor(user.id, { name: "lamp" });
    const response = await PATCH(
      apiRequest(`/api/items/${lamp.id}`, { method: "PATCH", token: accessToken, body: { name: "Lamp" } }),
      params({ id: lamp.id }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).name).toBe("Lamp");
  });

  it("frees a name once its item is deleted", async () => {
    const { user, accessToken } = await createSignedInUser();
    const old = await createItemFor(user.id, { name: "Reused" });
    await deleteItem(user.id, old.id);
    expect((await create(accessToken, { name: "reused", price: 1 })).status).toBe(201);
  });
});
