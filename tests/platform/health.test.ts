import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { apiRequest } from "../helpers/http";

const run = promisify(execFile);

describe("GET /api/health", () => {
  it("answers 200 {status: ok} when the database answers", async () => {
    const response = await health(apiRequest("/api/health"), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 problem+json with Retry-After when the database cannot be reached", async () => {
    // Its own process: the configuration is read once per process, and this one points
    // at a port where no database listens.
    const script = `const { GET } = await import("./app/api/health/route.ts");
      const response = await GET(new Request("http://localhost/api/health"), undefined);
      console.log(JSON.stringify({ status: response.status, retryAfter: response.headers.get("retry-after"),
        type: response.headers.get("content-type"), body: await response.json() }));`;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" },
    });
    const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
    expect(result).toMatchObject({
      status: 503,
      retryAfter: "5",
      type: "application/problem+json",
      body: { code: "database_unavailable", status: 503 },
    });
  }, 30_000);
});
