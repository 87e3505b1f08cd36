import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_LOGIN, safeNextPath } from "@/lib/http/safe-next";

describe("where ?next= may send a user after signing in", () => {
  it.each(["/items", "/items?q=tea&sort=price", "/account#sessions", "/admin/users"])("follows %s, a page of this app", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example/x",
    "https://evil.example/x",
    "/.//evil.example/x",
    "/..//evil.example/x",
    "/%2e//evil.example/x",
    "/%2E%2E//evil.example/x",
    "/././/evil.example",
    "/\tevil.example",
    "evil.example",
  ])("never follows %s, which a browser reads as another origin", (path) => {
    const next = safeNextPath(path);
    expect(next).toBe(DEFAULT_AFTER_LOGIN);
    expect(new URL(next, "https://app.example").origin).toBe("https://app.example");
  });

  it.each(["/login", "/signup?next=/items", "/api/items", "/x/../login"])("sends %s, which would loop or show JSON, to the default page", (path) => {
    expect(safeNextPath(path)).toBe(DEFAULT_AFTER_LOGIN);
  });

  it("ignores what is not a string", () => {
    expect(safeNextPath(undefined)).toBe(DEFAULT_AFTER_LOGIN);
    expect(safeNextPath(["/items"])).toBe(DEFAULT_AFTER_LOGIN);
  });
});
