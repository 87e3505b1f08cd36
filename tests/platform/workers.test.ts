import { availableParallelism } from "node:os";
import { describe, expect, it, vi } from "vitest";
import { workerCount } from "@/lib/server/cluster";

describe("how many workers npm start runs", () => {
  it("runs one per available CPU on PostgreSQL", () => {
    expect(workerCount({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: undefined })).toBe(availableParallelism());
  });

  it("runs WEB_CONCURRENCY workers when it is set", () => {
    expect(workerCount({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: 5 })).toBe(5);
  });

  it("runs exactly one on the embedded database, and says so when asked for more", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(workerCount({ DATABASE_URL: undefined, WEB_CONCURRENCY: undefined })).toBe(1);
    expect(warn).not.toHaveBeenCalled();
    expect(workerCount({ DATABASE_URL: undefined, WEB_CONCURRENCY: 4 })).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("one worker"));
  });
});
