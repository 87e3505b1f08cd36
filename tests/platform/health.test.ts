import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { inNewProcess } from "../helpers/child-process";
import { apiRequest } from "../helpers/http";

describe("GET /api/health", () => {
  it("answers 200 {status: ok} when the database answers", async () => {
    const response = await health(apiRequest("/api/health"), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 problem+json with Retry-After when the database cannot be reached", async () => {
    // Its own process: the configuration is read once per process, and this one points
    // at a port where no database listens.
    const result = await inNewProcess(
      `const { GET } = await import("./app/api/health/route.ts");
       const response = await GET(new Request("http://localhost/api/health"), undefined);
       return { status: response.status, retryAfter: response.headers.get("retry-after"),
         type: response.headers.get("content-type"), body: await response.json() };`,
      { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" },
    );
    expect(result).toMatchObject({
      status: 503,
      retryAfter: "5",
      type: "application/problem+json",
      body: { code: "database_unavailable", status: 503 },
    });
  }, 30_000);
});
