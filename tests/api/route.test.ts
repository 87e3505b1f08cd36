import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineOperation } from "@/lib/api/operation";
import { route } from "@/lib/api/route";
import { apiRequest } from "../helpers/http";

const echo = defineOperation({
  id: "echo",
  method: "POST",
  path: "/api/echo",
  tag: "Meta",
  summary: "Says a word back",
  access: "public",
  body: { schema: z.object({ word: z.string().min(1) }), required: true, example: { word: "hello" } },
  success: { status: 201, description: "The word.", schema: z.object({ word: z.string() }), headers: ["Location"] },
});

const post = (body: unknown) => apiRequest("/api/echo", { method: "POST", body });

describe("route(operation, handler)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers with the operation's success status, the handler's reply as JSON, and the headers it set", async () => {
    const handler = route(echo, async ({ body, headers }) => {
      headers.set("location", `/api/echo/${body.word}`);
      return { word: body.word };
    });
    const response = await handler(post({ word: "hello" }));
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe("/api/echo/hello");
    expect(await response.json()).toEqual({ word: "hello" });
  });

  it("answers 400 with the bad fields before the handler runs when the body does not fit its schema", async () => {
    const handler = vi.fn(async () => ({ word: "never" }));
    const response = await route(echo, handler)(post({ word: "" }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ path: "word", message: expect.any(String) }]);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 500 in tests when a reply strays from the success schema, so the document cannot drift", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = route(echo, async ({ headers }) => {
      headers.set("location", "/api/echo/x");
      return { word: 42 } as unknown as { word: string };
    });
    const response = await handler(post({ word: "hello" }));
    expect(response.status).toBe(500);
    expect(String(vi.mocked(console.error).mock.calls[0]?.[1])).toContain("POST /api/echo answered outside its schema");
  });

  it("answers 500 in tests when a reply lacks a header the operation promises", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await route(echo, async ({ body }) => ({ word: body.word }))(post({ word: "hello" }));
    expect(response.status).toBe(500);
    expect(String(vi.mocked(console.error).mock.calls[0]?.[1])).toContain("without its Location header");
  });

  it("asks for a token when the operation is for users, before it reads the body", async () => {
    const mine = defineOperation({ ...echo, access: "user" });
    const response = await route(mine, async ({ body }) => ({ word: body.word }))(post("not even an object"));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
  });
});
