// The browser names an endpoint only through its operation (lib/api/endpoints.ts, generated
// from lib/api/operations): a path or a method written out in a page, a hook or lib/client
// would go stale the day the operation changes (docs/decisions/0031-typed-client-and-data-layer.md).
// Comments may name paths; code may not.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(ROOT, relative)).isDirectory()) return relative === "app/api" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

/** Client components and hooks under app/, and everything under lib/client/. */
function browserModules(): string[] {
  const app = sourceFiles("app").filter((file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    return /^\s*["']use client["']/.test(source) || /\/use-[^/]+\.ts$/.test(file);
  });
  return [...app, ...sourceFiles("lib/client")];
}

const METHOD = /^(get|post|put|patch|delete)$/i;

/** The texts in a file's code (strings, templates, JSX text) that name an API path or a method. */
export function apiNames(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const text = ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node) ? node.text : null;
    if (text?.includes("/api/") && !isModuleName(node)) found.push(text.trim());
    if (text !== null && METHOD.test(text) && namesMethod(node)) found.push(`method ${text}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `from "@/lib/api/endpoints"`: a module, not an endpoint. */
function isModuleName(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword);
}

/** `method: "POST"` or `<form method="post">`: a method written out where a request is made. */
function namesMethod(node: ts.Node): boolean {
  const parent = node.parent;
  const name = parent && (ts.isPropertyAssignment(parent) || ts.isJsxAttribute(parent)) ? parent.name.getText() : null;
  return name === "method";
}

describe("the browser's modules", () => {
  it("include the client components and hooks of the pages and lib/client", () => {
    const files = browserModules();
    expect(files).toContain("app/(app)/sign-out-button.tsx");
    expect(files).toContain("app/(app)/items/use-items-list.ts");
    expect(files).toContain("lib/client/session-refresh.ts");
  });

  it("never write an API path or method: they call endpoints through their operations", () => {
    const written = browserModules().flatMap((file) =>
      apiNames(file, readFileSync(path.join(ROOT, file), "utf8")).map((text) => `${file}: ${text}`),
    );
    expect(written).toEqual([]);
  });

  it("would notice a path in a string, a template, JSX text or a form's action, and a written method", () => {
    const source = [
      'fetch("/api/auth/refresh", { method: "POST" });',
      "const url = `/api/items/${id}`;",
      'const form = <form method="post" action="/api/auth/logout">See /api/openapi.json</form>;',
      "// A comment may say GET /api/items.",
      'import { items } from "@/lib/api/endpoints";',
    ].join("\n");
    expect(apiNames("example.tsx", source)).toEqual([
      "/api/auth/refresh",
      "method POST",
      "/api/items/",
      "method post",
      "/api/auth/logout",
      "See /api/openapi.json",
    ]);
  });
});
