// The browser's client takes everything about an endpoint from its operation: the table
// it reads is the operations' own (generated, never stale), paths are filled and encoded,
// the types of a call are the operation's schemas, and whether a 401 may refresh follows
// from the operation's access (docs/decisions/0031-typed-client-and-data-layer.md).
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { endpointPath } from "@/lib/api/endpoint";
import * as endpoints from "@/lib/api/endpoints";
import { OPERATION_MODULES, OPERATIONS } from "@/lib/api/operations";
import { ApiError, call, callWithHeaders } from "@/lib/client/api";
import type { Item } from "@/lib/items/schemas";
import { ENDPOINT_TABLE_FILE, renderEndpointTable } from "@/scripts/api-routes";

const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ status, code, detail: code, errors: [] }), { status, headers: { "content-type": "application/problem+json" } });

/** Answers each request in turn and records it as "METHOD path". */
function serve(...answers: Response[]): string[] {
  const sent: string[] = [];
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    sent.push(`${init.method} ${url}`);
    return Promise.resolve(answers.shift() ?? new Response(null, { status: 204 }));
  });
  vi.stubGlobal("window", { location: { pathname: "/items", search: "", assign: vi.fn() } });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe("the browser's endpoint table", () => {
  it("is generated from the operations as they are now", () => {
    expect(readFileSync(ENDPOINT_TABLE_FILE, "utf8"), "run `npm run api:routes`").toBe(renderEndpointTable(OPERATION_MODULES));
  });

  it("holds every operation's method, path and access, under its module and name", () => {
    const table = endpoints as Record<string, Record<string, unknown>>;
    for (const [module, operations] of Object.entries(OPERATION_MODULES)) {
      for (const [name, { method, path, access }] of Object.entries(operations)) {
        expect(table[module]?.[name], `${module}.${name}`).toEqual({ method, path, access });
      }
    }
    expect(Object.values(table).flatMap(Object.keys)).toHaveLength(OPERATIONS.length);
  });

  it("fills a path's parameters, encoded, and refuses a path without them", () => {
    expect(endpointPath(endpoints.items.getItem, { id: "a/b c" })).toBe("/api/items/a%2Fb%20c");
    expect(() => endpointPath(endpoints.items.getItem)).toThrow("needs id");
  });
});

describe("call()", () => {
  it("sends the operation's method to its path, with the query and the body's JSON", async () => {
    const sent = serve(new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200 }));
    const page = await call(endpoints.items.listItems, { query: { q: "lamp", sort: "name", cursor: undefined } });
    expect(sent).toEqual(["GET /api/items?q=lamp&sort=name"]);
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it("does not refresh after a public endpoint's 401: it means a wrong password", async () => {
    const sent = serve(problem(401, "invalid_credentials"));
    const login = call(endpoints.auth.logIn, { body: { email: "a@example.com", password: "wrong password" } });
    await expect(login).rejects.toBeInstanceOf(ApiError);
    expect(sent).toEqual(["POST /api/auth/login"]);
  });

  it("refreshes after a signed-in endpoint's expired token, then sends the request again", async () => {
    const sent = serve(problem(401, "token_expired"), new Response(JSON.stringify({ expires_in: 900 }), { status: 200 }));
    await call(endpoints.items.deleteItem, { params: { id: "0193" } });
    expect(sent).toEqual(["DELETE /api/items/0193", "POST /api/auth/refresh", "DELETE /api/items/0193"]);
  });

  it("hands a sensitive action's 401 step_up_required to the page: no refresh, and no leaving for the login page", async () => {
    const sent = serve(problem(401, "step_up_required"));
    const disable = call(endpoints.admin.disableUser, { params: { id: "0193" }, body: { reason: "Spam" } });
    await expect(disable).rejects.toMatchObject({ status: 401, code: "step_up_required" });
    expect(sent).toEqual(["POST /api/users/0193/disable"]);
    expect(window.location.assign).not.toHaveBeenCalled();
  });

  it("still leaves for the login page on a 401 that no refresh can mend (a revoked session)", async () => {
    serve(problem(401, "session_revoked"));
    void call(endpoints.items.deleteItem, { params: { id: "0193" } });
    await vi.waitFor(() => expect(window.location.assign).toHaveBeenCalledWith("/login?next=%2Fitems&reason=session-ended"));
  });

  it("types each call from its operation: parameters, body and reply", () => {
    // Functions, never called: the type checker (npx tsc --noEmit) reads them.
    const create = () => call(endpoints.items.createItem, { body: { name: "Lamp", price: "1.00" } });
    const read = () => callWithHeaders(endpoints.items.getItem, { params: { id: "x" } });
    const logOut = () => call(endpoints.auth.logOut);
    expectTypeOf(create).returns.resolves.toEqualTypeOf<Item>();
    expectTypeOf(read).returns.resolves.toEqualTypeOf<{ data: Item; headers: Headers }>();
    expectTypeOf(logOut).returns.resolves.toBeUndefined();
    const wrong = () => {
      // @ts-expect-error: creating an item needs its body
      void call(endpoints.items.createItem);
      // @ts-expect-error: reading an item needs its id
      void call(endpoints.items.getItem, {});
      // @ts-expect-error: the list takes no body
      void call(endpoints.items.listItems, { body: {} });
    };
    expect(wrong).toBeTypeOf("function");
  });
});
