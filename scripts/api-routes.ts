// Writes two tables from the operations in lib/api/operations: lib/api/route-table.ts,
// middleware's map of every API path, and lib/api/endpoints.json, the browser's method,
// path and access of each operation (typed by lib/api/endpoints.ts). Middleware runs on the edge before every request,
// and the operations carry zod schemas (about 90 KB gzipped of zod alone), so it reads
// a derived table instead (decision 0023); the pages do too, for their size (decision
// 0031). Run by `npm run build` and `npm run dev`; `npm run api:routes` by hand;
// tests/api/route-map.test.ts and tests/client/typed-client.test.ts fail when a file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { Access, Method, Operation } from "../lib/api/operation.ts";

export const ROUTE_TABLE_FILE = join(import.meta.dirname, "..", "lib", "api", "route-table.ts");
export const ENDPOINT_TABLE_FILE = join(import.meta.dirname, "..", "lib", "api", "endpoints.json");

type Modules = Readonly<Record<string, Readonly<Record<string, Operation>>>>;

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

/** The browser's table (lib/api/endpoints.ts types it): each module's operations by name. */
export function renderEndpointTable(modules: Modules): string {
  const table = Object.fromEntries(
    Object.entries(modules).map(([name, operations]) => [
      name,
      // Sorted by name: a module namespace's own order differs between Node and the bundlers.
      Object.fromEntries(
        Object.entries(operations)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, { method, path, access }]) => [key, { method, path, access }]),
      ),
    ]),
  );
  return `${JSON.stringify(table, null, 2)}\n`;
}

/** Rewrites each table whose operations changed; the files it rewrote. */
export async function writeGeneratedTables(): Promise<string[]> {
  const { OPERATIONS, OPERATION_MODULES } = await import("../lib/api/operations/index.ts");
  const tables = [
    { file: ROUTE_TABLE_FILE, text: renderRouteTable(OPERATIONS) },
    { file: ENDPOINT_TABLE_FILE, text: renderEndpointTable(OPERATION_MODULES) },
  ];
  return tables.filter(({ file, text }) => writeIfChanged(file, text)).map(({ file }) => relative(process.cwd(), file));
}

function writeIfChanged(file: string, text: string): boolean {
  const current = (() => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return "";
    }
  })();
  if (current === text) return false;
  writeFileSync(file, text);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const file of await writeGeneratedTables()) console.log(`${file}: rewritten from lib/api/operations`);
}
