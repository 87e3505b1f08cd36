// The folders are layers, and imports run one way: down. A module may import from its own
// layer and the ones below it, never above; a type-only import is no dependency at run time
// and may point anywhere. docs/architecture.md draws the same picture.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

// Lowest first. The first prefix that matches a file names its layer.
const LAYERS: [layer: string, prefixes: string[]][] = [
  ["base", ["lib/env", "lib/ids", "lib/wait-words", "lib/generated"]],
  ["database", ["lib/db/"]],
  ["http", ["lib/http/"]],
  ["mail and background work", ["lib/mail/", "lib/background/"]],
  ["auth shapes", ["lib/auth/schemas", "lib/auth/responses"]],
  ["passwords and sessions", ["lib/auth/passwords/", "lib/auth/sessions/"]],
  ["identity", ["lib/auth/identity/"]],
  ["accounts, factors and audit", ["lib/auth/accounts/", "lib/auth/factors/", "lib/audit/"]],
  ["items", ["lib/items/"]],
  ["api", ["lib/api/"]],
  ["openapi and the browser client", ["lib/openapi/", "lib/client/"]],
  ["server processes", ["lib/server/", "lib/startup", "lib/security/"]],
];

const rank = (file: string) => LAYERS.findIndex(([, prefixes]) => prefixes.some((p) => file.startsWith(p)));

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (name === "generated") return [];
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

/** The `@/lib/...` modules a file imports at run time (not `import type`). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const found = source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+"@\/(lib\/[^"]+)"|import\(\s*"@\/(lib\/[^"]+)"\s*\)/gm);
  return [...found].map((m) => m[1] ?? m[2]!);
}

describe("the layers of lib/", () => {
  const files = sourceFiles("lib");

  it("places every module of lib/ in a layer", () => {
    expect(files.filter((file) => rank(file) === -1)).toEqual([]);
  });

  it("has no module import a layer above its own", () => {
    const upward = files.flatMap((file) =>
      runtimeImports(file)
        .filter((target) => rank(target) > rank(file))
        .map((target) => `${file} (${LAYERS[rank(file)]![0]}) imports ${target} (${LAYERS[rank(target)]![0]})`),
    );
    expect(upward).toEqual([]);
  });

  it("keeps lib/http a leaf that knows no domain", () => {
    const domain = files
      .filter((file) => file.startsWith("lib/http/"))
      .flatMap((file) => runtimeImports(file).filter((t) => !/^lib\/(http|env|db\/errors)/.test(t)).map((t) => `${file} -> ${t}`));
    expect(domain).toEqual([]);
  });

  it("keeps lib/ free of imports from app/", () => {
    const fromApp = files.filter((file) => /from\s+"@\/app\//.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(fromApp).toEqual([]);
  });
});
