import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Operation } from "@/lib/api/operation";
import { OPERATIONS } from "@/lib/api/operations";
import { matchApiRoute, needsToken } from "@/lib/api/route-map";
import { ROUTE_TABLE } from "@/lib/api/route-table";
import { getOpenApiDocument } from "@/lib/openapi/document";
import { toOpenApiPath } from "@/lib/openapi/operation";
import { JWKS_PATH } from "@/lib/openapi/well-known";
import { renderRouteTable, ROUTE_TABLE_FILE } from "@/scripts/api-routes";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const apiDir = join(process.cwd(), "app", "api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "route.ts" ? [path] : [];
  });
}

type Served = { name: string; operation: Operation | undefined };

/** "METHOD /path" of every handler under app/api, with the operation route() gave it. */
async function servedOperations(): Promise<Served[]> {
  const files = await Promise.all(
    routeFiles(apiDir).map(async (file) => {
      const path = `/api/${relative(apiDir, file).replace(/\/?route\.ts$/, "")}`;
      const handlers = (await import(file)) as Record<string, { operation?: Operation } | undefined>;
      return METHODS.filter((method) => typeof handlers[method] === "function").map((method) => ({
        name: `${method} ${path}`,
        operation: handlers[method]?.operation,
      }));
    }),
  );
  return files.flat();
}

const names = (operations: readonly Operation[]) => operations.map((o) => `${o.method} ${o.path}`).sort();

describe("the operations, the route table, the document and app/api", () => {
  it("serve each operation from the route file of its path, through route() with that very operation", async () => {
    const served = await servedOperations();
    expect(served.map((s) => s.name).sort()).toEqual(names(OPERATIONS));
    for (const { name, operation } of served) {
      expect(operation, `${name} is not wrapped in route(operation, …)`).toBeDefined();
      expect(`${operation?.method} ${operation?.path}`, name).toBe(name);
    }
  });

  it("give middleware a route table generated from the operations as they are now", () => {
    expect(readFileSync(ROUTE_TABLE_FILE, "utf8"), "run `npm run api:routes`").toBe(renderRouteTable(OPERATIONS));
    const table = ROUTE_TABLE as Record<string, Record<string, string>>;
    for (const operation of OPERATIONS) expect(table[operation.path]?.[operation.method]).toBe(operation.access);
  });

  it("let middleware match every operation's path and ask for a token exactly where the operation does", () => {
    for (const operation of OPERATIONS) {
      const concrete = operation.path.replace(/\[[^\]]+\]/g, "0193");
      const match = matchApiRoute(concrete);
      expect(match?.path, concrete).toBe(operation.path);
      expect(needsToken(match!, operation.method), `${operation.method} ${operation.path}`).toBe(operation.access !== "public");
    }
    expect(matchApiRoute("/api/nothing-here")).toBeNull();
  });

  it("describe every operation in the document, and nothing else", async () => {
    const document = await getOpenApiDocument();
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Plus the one path outside /api, written by hand (lib/openapi/well-known.ts).
    const expected = [...OPERATIONS.map((o) => `${o.method} ${toOpenApiPath(o.path)}`), `GET ${JWKS_PATH}`];
    expect(documented.sort()).toEqual(expected.sort());
  });

  it("give every operation its own id", () => {
    const ids = OPERATIONS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
