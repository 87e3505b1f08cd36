import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const readJson = <T>(file: string) => JSON.parse(readFileSync(join(root, file), "utf8")) as T;

type Manifest = { dependencies: Record<string, string>; devDependencies: Record<string, string> };
type Lock = { packages: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }> };

const manifest = readJson<Manifest>("package.json");
const declared = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)];

// Used, but never imported by name from the project's own files.
const USED_WITHOUT_IMPORT: Record<string, string> = {
  "@prisma/client": "the runtime of the generated client in lib/generated/prisma",
  "@types/node": "Node's types (Node 20, as `engines` says)",
  "@types/mailparser": "mailparser's types",
  "@types/pg": "pg's types",
  "@types/qrcode": "qrcode's types",
  "@types/smtp-server": "smtp-server's types",
  "@types/react": "React's types",
  "@types/react-dom": "React DOM's types",
  eslint: "`npm run lint`",
  newman: "its CLI runs the converted Postman collection in e2e/api/postman-collection.spec.ts",
  tsx: "runs `npm run dev`, the build's setup step and the prisma scripts",
  typescript: "`npm run typecheck` and Next's type check",
  vercel: "its CLI builds the app as Vercel would in `npm run vercel:check`",
};

const SKIP = new Set(["node_modules", ".next", "dist", "bench-results", ".git", ".data", "generated", "test-results", "playwright-report"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith(".scratch")) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** Package names that the project's files import (`from "x"`, `import "x"`, `import("x/y")`, `require("x")`). */
function importedPackages(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(root)) {
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/(?:from\s+|import\s+|import\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g)) {
      const parts = (specifier ?? "").split("/");
      names.add(specifier?.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? ""));
    }
  }
  return names;
}

describe("package.json", () => {
  it("declares only dependencies that the project uses", () => {
    const imported = importedPackages();
    const unused = declared.filter((name) => !imported.has(name) && !(name in USED_WITHOUT_IMPORT));
    expect(unused).toEqual([]);
    expect(Object.keys(USED_WITHOUT_IMPORT).filter((name) => !declared.includes(name))).toEqual([]);
  });

  it("has every dependency locked in package-lock.json, as declared", () => {
    const lock = readJson<Lock>("package-lock.json");
    const top = lock.packages[""];
    expect(top?.dependencies).toEqual(manifest.dependencies);
    expect(top?.devDependencies).toEqual(manifest.devDependencies);
    const unlocked = declared.filter((name) => !lock.packages[`node_modules/${name}`]?.version);
    expect(unlocked).toEqual([]);
  });
});
