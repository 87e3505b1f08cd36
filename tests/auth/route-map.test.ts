import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/auth/routes";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "route.ts" ? [path] : [];
  });
}

const apiDir = join(process.cwd(), "app", "api");
const found = routeFiles(apiDir).map((file) => ({
  file,
  path: `/api/${relative(apiDir, file).replace(/\/?route\.ts$/, "")}`,
}));

describe("the declared route map", () => {
  it.each(found)("declares $path with exactly the methods its route file exports", async ({ file, path }) => {
    const declared = API_ROUTES[path as keyof typeof API_ROUTES];
    expect(declared, `${path} is neither public nor protected in lib/auth/routes.ts`).toBeDefined();
    const handlers = (await import(file)) as Record<string, unknown>;
    const exported = METHODS.filter((m) => typeof handlers[m] === "function");
    expect(exported).toEqual([...(declared?.methods ?? [])]);
  });

  it("declares no route that has no file", () => {
    expect(Object.keys(API_ROUTES).sort()).toEqual(found.map((f) => f.path).sort());
  });
});
