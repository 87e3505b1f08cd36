// Without APP_ORIGIN, the document's `servers` entry is the origin the client addressed,
// so a shared cache must keep one copy per everything that origin is read from.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import type { OpenApiDocument } from "@/lib/openapi/types";
import { apiRequest } from "../helpers/http";

async function fetchDocument(headers: Record<string, string>) {
  const response = await GET(apiRequest("/api/openapi.json", { headers }), undefined);
  const varies = (response.headers.get("vary") ?? "").split(",").map((name) => name.trim().toLowerCase());
  return { servers: ((await response.json()) as OpenApiDocument).servers, varies };
}

describe("the OpenAPI document's servers entry without APP_ORIGIN", () => {
  it("names the Host the client addressed, and varies by Host", async () => {
    const { servers, varies } = await fetchDocument({ host: "items.test:8443" });
    expect(servers).toEqual([{ url: "http://items.test:8443", description: "This server" }]);
    expect(varies).toContain("host");
  });

  it("names https when the TLS proxy says so with X-Forwarded-Proto, and varies by that header too", async () => {
    const { servers, varies } = await fetchDocument({ host: "items.test", "x-forwarded-proto": "https" });
    expect(servers).toEqual([{ url: "https://items.test", description: "This server" }]);
    expect(varies).toEqual(expect.arrayContaining(["host", "x-forwarded-proto"]));
  });

  it("never names the X-Forwarded-Host that any client may send", async () => {
    const { servers } = await fetchDocument({ host: "items.test", "x-forwarded-host": "evil.example" });
    expect(servers).toEqual([{ url: "http://items.test", description: "This server" }]);
  });
});
