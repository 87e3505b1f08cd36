// Writes lib/api/route-table.ts, middleware's map of every API path, from the operations
// in lib/api/operations. Middleware runs on the edge before every request, and the
// operations carry zod schemas (about 90 KB gzipped of zod alone), so it reads this
// derived table instead (decision 0023). Run by `npm run build` and `npm run dev`;
// `npm run api:routes` by hand; tests/api/route-map.test.ts fails when the file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Access, Method, Operation } from "../lib/api/operation.ts";

export const ROUTE_TABLE_FILE = join(import.meta.dirname, "..", "lib", "api", "route-table.ts");

/** The file's text: each path, sorted, with the access of each of its methods. */
export function renderRouteTable(operations: readonly Operation[]): string {
  const table = new Map<string, Partial<Record<Method, Access>>>();
  for (const { path, method, access } of operations) {
    const methods = table.get(path) ?? {};
    if (methods[method]) throw new Error(`Two operations for ${method} ${path}`);
    table.set(path, { ...methods, [method]: access });
  }
  const lines = [...table.keys()].sort().map((path) => {
    const methods = Object.entries(table.get(path) ?? {}).map(([method, access]) => `${method}: "${access}"`);
    return `  "${path}": { ${methods.join(", ")} },`;
  });
  return [
    "// Generated from lib/api/operations by scripts/api-routes.ts (`npm run api:routes`): do not edit.",
    "// Each API path and the access of each of its methods, for middleware (lib/api/route-map.ts).",
    "export const ROUTE_TABLE = {",
    ...lines,
    "} as const;",
    "",
  ].join("\n");
}

/** Rewrites the file when the operations changed; true when it did. */
export async function writeRouteTable(): Promise<boolean> {
  const { OPERATIONS } = await import("../lib/api/operations/index.ts");
  const text = renderRouteTable(OPERATIONS);
  const current = (() => {
    try {
      return readFileSync(ROUTE_TABLE_FILE, "utf8");
    } catch {
      return "";
    }
  })();
  if (current === text) return false;
  writeFileSync(ROUTE_TABLE_FILE, text);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (await writeRouteTable()) console.log("lib/api/route-table.ts: rewritten from lib/api/operations");
}
