// With APP_ORIGIN set, the document names the app's public origin whatever the request
// says: one copy for every client (README: API reference and OpenAPI). lib/env reads the
// environment once, at its first import: vi.hoisted sets it before any import.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_ORIGIN = "https://items.example.com";
});

const { GET } = await import("@/app/api/openapi.json/route");
const { apiRequest } = await import("../helpers/http");

describe("the OpenAPI document's servers entry with APP_ORIGIN=https://items.example.com", () => {
  it.each([
    ["no proxy headers", {}],
    ["another Host", { host: "internal-10-0-0-7:3000" }],
    ["X-Forwarded-Proto: http", { host: "items.example.com", "x-forwarded-proto": "http" }],
  ])("is APP_ORIGIN, with %s", async (_what, headers: Record<string, string>) => {
    const response = await GET(apiRequest("/api/openapi.json", { headers }), undefined);
    expect(((await response.json()) as { servers: unknown }).servers).toEqual([
      { url: "https://items.example.com", description: "This server" },
    ]);
  });

  it("does not vary by Host or X-Forwarded-Proto, which it does not read", async () => {
    const response = await GET(apiRequest("/api/openapi.json", { headers: { host: "a.test" } }), undefined);
    expect(response.headers.get("vary")).toBeNull();
  });
});
