import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const read = (file: string) => readFileSync(join(root, file), "utf8");

/** The variable names of lib/env.ts's schema, read from its source. */
function configuredVariables(): string[] {
  const schema = /const EnvSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(read("lib/env.ts"))?.[1] ?? "";
  return [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map(([, name]) => name ?? "");
}

describe(".env.example", () => {
  it("documents every variable that lib/env.ts reads", () => {
    const variables = configuredVariables();
    expect(variables).toContain("DATABASE_URL");
    const documented = new Set([...read(".env.example").matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map(([, name]) => name));
    expect(variables.filter((name) => !documented.has(name))).toEqual([]);
  });
});
