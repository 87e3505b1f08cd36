// What a line of prose names in the repository: paths, symbols with their file, README
// sections and links. The rule each follows is docs/testing.md, "Docs that stay true".
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { filesUnder, ROOT, type Passage } from "./repo-text";

const TOP = "(?:lib|app|docs|tests|e2e|scripts|prisma|\\.ci)";
const ROOT_FILE = "(?:(?:middleware|server|instrumentation)\\.ts|(?:next|vitest|playwright|prisma|eslint)\\.config\\.\\w+|package\\.json|tsconfig(?:\\.node)?\\.json|\\.env\\.example|README\\.md)";
const SEGMENT = "(?:\\([\\w-]+\\)|\\[[\\w.-]+\\]|[\\w.@*-]+)";
const PATH = `(?:${TOP}(?:/${SEGMENT})+/?|${TOP}/|${ROOT_FILE})`;
const NAME = "`([A-Za-z_$][\\w$]*)(?:\\(\\))?`";

/** A path as written, without trailing punctuation or the `@/` alias. */
const clean = (raw: string) => raw.replace(/^@\//, "").replace(/[.,:;]+$/, "");

/** Repository paths a line names: `lib/env.ts`, `app/api/items/route.ts`, `docs/decisions/`. */
export function pathsIn(text: string): string[] {
  const found = text.matchAll(new RegExp(`(?<![\\w./@-])(?:@/)?${PATH}`, "g"));
  return [...found].map(([raw]) => clean(raw));
}

/** Symbols named with their file: `name` in `path`, `name` (path), path's `name`, `path` `name`. */
export function symbolsIn(text: string): { symbol: string; file: string }[] {
  const after = new RegExp(`${NAME},? (?:(?:in|of|from) |\\()\`?(?:@/)?(${PATH})`, "g");
  const before = new RegExp(`(?<![\\w./-])(?:@/)?(${PATH})\`?(?:'s)? ${NAME}`, "g");
  return [
    ...[...text.matchAll(after)].map(([, symbol, file]) => ({ symbol: symbol!, file: clean(file!) })),
    ...[...text.matchAll(before)].map(([, file, symbol]) => ({ symbol: symbol!, file: clean(file!) })),
  ];
}

/** Names of code a line puts in backticks: `camelCase`, `name()`. Other words in backticks are left alone. */
export function namesIn(text: string): string[] {
  return [...text.matchAll(/`([a-z][a-z0-9]*[A-Z]\w*|[a-z]\w*(?=\(\)))(?:\(\))?`/g)].map(([, name]) => name!);
}

const ALL_FILES = new Set(["lib", "app", "docs", "tests", "e2e", "scripts", "prisma", ".ci"].flatMap(filesUnder));

const globToRegExp = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]*").replace(/\u0000/g, ".*")}$`);

/**
 * The file a path names: as written, or as an import names a module (`lib/env` for
 * lib/env.ts, `lib/db` for lib/db/index.ts), or a decision record by its number
 * (`docs/decisions/0027`). Undefined when there is none.
 */
export function resolve(repoPath: string): string | undefined {
  const record = /^docs\/decisions\/(\d{4})$/.exec(repoPath);
  if (record) return [...ALL_FILES].find((file) => file.startsWith(`docs/decisions/${record[1]}-`));
  if (repoPath.includes("*")) return [...ALL_FILES].find((file) => globToRegExp(repoPath).test(file));
  return ["", ".ts", ".tsx", ".mjs", "/index.ts"].map((end) => repoPath + end).find((file) => existsSync(path.join(ROOT, file)));
}

export const exists = (repoPath: string) => resolve(repoPath) !== undefined;

const DECLARED = (symbol: string) =>
  new RegExp(`export\\s+(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?(?:function\\*?|const|let|class|type|interface|enum)\\s+${symbol}\\b|export\\s*(?:type\\s*)?\\{[^}]*\\b${symbol}\\b[^}]*\\}`);

/**
 * Whether a module (or any module under a folder) exports a symbol. A file that is no
 * module of lib/, app/, scripts/ and the like (a config file, SQL, Lua) need only contain it.
 */
export function declares(repoPath: string, symbol: string): boolean {
  const found = resolve(repoPath);
  if (!found) return false;
  const isFolder = statSync(path.join(ROOT, found)).isDirectory();
  const files = isFolder ? [...ALL_FILES].filter((file) => file.startsWith(`${found.replace(/\/$/, "")}/`)) : [found];
  return files.some((file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const isModule = /\.(ts|tsx|mjs|js)$/.test(file) && file.includes("/");
    return isModule ? DECLARED(symbol).test(source) : new RegExp(`\\b${symbol}\\b`).test(source);
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export const anchorOf = (heading: string) =>
  heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");

/** The headings of a Markdown file, as written. */
export function headingsOf(repoPath: string): string[] {
  const text = readFileSync(path.join(ROOT, repoPath), "utf8").replace(/```[\s\S]*?```/g, "");
  return [...text.matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) => heading!.replace(/`/g, "").trim());
}

/** Markdown links to files of the repository, resolved from the page: `[x](../y.md#z)`. */
export function linksIn({ file, text }: Passage): { target: string; anchor?: string }[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, href]) => {
    if (/^[a-z]+:/i.test(href!) || href!.includes("…")) return [];
    const [target, anchor] = href!.split("#");
    const resolved = target ? path.posix.normalize(path.posix.join(path.posix.dirname(file), target)) : file;
    return [{ target: resolved, anchor }];
  });
}

/** The README sections a comment cites: `README: The API`, `README, Passwords`. */
export function readmeCitations(text: string): string[] {
  return [...text.matchAll(/README(?:'s)?[:,] "?([A-Z][^")]*)/g)].map(([, rest]) => rest!.trim());
}

/** The `../` paths of a line that climb out of the repository, resolved from its file. */
export function outsidePathsIn({ file, text }: Passage): string[] {
  return [...text.matchAll(/(?<![\w.])(?:\.\.\/)+[\w./-]*/g)]
    .map(([relative]) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), relative)))
    .filter((resolved) => resolved.startsWith(".."));
}

/** A line of code as compared: trimmed, its trailing `//` comment dropped; "" for a comment or a blank. */
const codeLine = (line: string) => line.replace(/(^|\s)\/\/.*$/, "").trim();
const codeLines = (text: string) => text.split("\n").map(codeLine).filter((line) => line !== "");

/** The code blocks of a Markdown page shown as being in a file: the line before the fence ends in `` `path`: ``. */
export function quotedCode(page: string): { file: string; line: number; quoted: string[] }[] {
  const text = readFileSync(path.join(ROOT, page), "utf8");
  return [...text.matchAll(/`([^`\s]+)`:\n\n?```(?:ts|tsx|js|mjs)\n([\s\S]*?)\n```/g)].map((match) => ({
    file: match[1]!,
    line: text.slice(0, match.index).split("\n").length,
    quoted: codeLines(match[2]!),
  }));
}

/** Whether the lines appear in the file together and in order, comments and blank lines aside. */
export function fileHolds(repoPath: string, quoted: string[]): boolean {
  const lines = codeLines(readFileSync(path.join(ROOT, repoPath), "utf8"));
  return lines.some((_, start) => quoted.every((line, i) => lines[start + i] === line));
}

/** Passages with a location prefix, for an assertion's message. */
export const at = ({ file, line }: Passage, what: string) => `${file}:${line}: ${what}`;
