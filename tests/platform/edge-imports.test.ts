import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Packages the edge runtime can run. Anything else reachable from middleware.ts — a Node
// built-in, the database, bcrypt — would break on the edge or bloat its bundle.
const EDGE_SAFE_PACKAGES = new Set(["next/server", "jose", "zod/mini"]);

const root = process.cwd();

function resolveLocal(specifier: string): string {
  const base = join(root, specifier.slice(2));
  const file = [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find(existsSync);
  if (!file) throw new Error(`cannot resolve ${specifier}`);
  return file;
}

/** Every runtime (non-type) import reachable from a file, as [importer, specifier]. */
function reachableImports(entry: string): Array<[string, string]> {
  const seen = new Set<string>();
  const found: Array<[string, string]> = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)) {
      const [, typeOnly, specifier] = match;
      if (typeOnly || !specifier) continue;
      found.push([file.slice(root.length + 1), specifier]);
      if (specifier.startsWith("@/")) visit(resolveLocal(specifier));
    }
  };
  visit(entry);
  return found;
}

describe("middleware.ts", () => {
  it("reaches only edge-safe modules: no Node built-ins, no database, no bcrypt", () => {
    const unsafe = reachableImports(join(root, "middleware.ts")).filter(
      ([, specifier]) => !specifier.startsWith("@/") && !EDGE_SAFE_PACKAGES.has(specifier),
    );
    expect(unsafe).toEqual([]);
  });

  it("does not reach the database module", () => {
    const local = reachableImports(join(root, "middleware.ts")).map(([, s]) => s);
    expect(local).not.toContain("@/lib/db");
    expect(local.some((s) => s.startsWith("@/lib/generated"))).toBe(false);
  });

  it("reaches no module marked server-only", () => {
    const marked = reachableImports(join(root, "middleware.ts"))
      .filter(([, specifier]) => specifier.startsWith("@/"))
      .map(([, specifier]) => resolveLocal(specifier).slice(root.length + 1))
      .filter((file) => /^import "server-only";$/m.test(readFileSync(join(root, file), "utf8")));
    expect(marked).toEqual([]);
  });
});
