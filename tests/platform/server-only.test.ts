import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// What a module must never take into a browser bundle: the database, Node's built-ins
// (crypto, worker threads for bcrypt, sockets), the mail transport.
const SERVER_ONLY_IMPORT = /^import\s[^;]*?["'](@\/lib\/db(?!\/errors)(\/[^"']*)?|node:[^"']+|nodemailer)["'];/ms;
const MARK = /^import "server-only";$/m;

const root = process.cwd();
const read = (file: string) => readFileSync(join(root, file), "utf8");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated") return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveLocal(importer: string, specifier: string): string | null {
  if (!specifier.startsWith("@/") && !specifier.startsWith(".")) return null;
  const base = specifier.startsWith("@/") ? join(root, specifier.slice(2)) : resolve(root, dirname(importer), specifier);
  const file = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((f) => existsSync(f) && statSync(f).isFile());
  return file ? file.slice(root.length + 1) : null;
}

/** The project's files that `entries` reach through runtime imports (static and dynamic). */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of read(file).matchAll(/(?:^import\s+(?!type\s)[^;]*?from\s+|^export\s+(?!type\s)[^;]*?from\s+|import\(\s*)["']([^"']+)["']/gm)) {
      const local = resolveLocal(file, specifier ?? "");
      if (local) visit(local);
    }
  };
  entries.forEach(visit);
  return seen;
}

describe("server-only", () => {
  it("marks every module in lib/ that imports the database, a Node built-in or the mail transport", () => {
    const unmarked = sourceFiles("lib").filter((file) => {
      const source = read(file);
      return SERVER_ONLY_IMPORT.test(source.replace(/^import type [^;]*;/gms, "")) && !MARK.test(source);
    });
    expect(unmarked).toEqual([]);
  });

  it("keeps the configuration, which cannot carry the mark (middleware reads it), out of client components", () => {
    const clientModules = [...sourceFiles("app"), ...sourceFiles("lib")].filter((file) => /^["']use client["']/m.test(read(file)));
    expect(clientModules.length).toBeGreaterThan(0);
    expect([...reachable(clientModules)].filter((file) => file === "lib/env.ts")).toEqual([]);
  });
});
