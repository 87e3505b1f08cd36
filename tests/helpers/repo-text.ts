// The prose of the repository, line by line: the Markdown pages, .env.example and every
// comment of the code, for tests that check what that prose names (docs/testing.md,
// "Docs that stay true").
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** One line of prose: where it is, and what it says. */
export type Passage = { file: string; line: number; text: string };

const SKIPPED = new Set(["node_modules", "generated", ".next", ".data", "dist", "test-results", "playwright-report", "artifacts"]);

/** Every file under a folder of the repository, as repository paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = dir === "." ? name : `${dir}/${name}`;
    if (SKIPPED.has(name) || name === ".git") return [];
    return statSync(path.join(ROOT, relative)).isDirectory() ? filesUnder(relative) : [relative];
  });
}

const lines = (file: string, text: string, first = 1): Passage[] =>
  text.split("\n").map((line, index) => ({ file, line: first + index, text: line }));

/** A script's comments, found by its parser (never inside a string), and its code without them. */
function splitScript(file: string, source: string): { comments: Passage[]; code: string } {
  const kind = file.endsWith("x") ? ts.ScriptKind.TSX : file.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const ranges = new Map<number, ts.CommentRange>();
  const visit = (node: ts.Node) => {
    for (const range of ts.getLeadingCommentRanges(source, node.getFullStart()) ?? []) ranges.set(range.pos, range);
    for (const range of ts.getTrailingCommentRanges(source, node.getEnd()) ?? []) ranges.set(range.pos, range);
    node.getChildren(parsed).forEach(visit);
  };
  visit(parsed);
  const sorted = [...ranges.values()].sort((a, b) => a.pos - b.pos);
  const comments = sorted.flatMap(({ pos, end }) => lines(file, source.slice(pos, end), parsed.getLineAndCharacterOfPosition(pos).line + 1));
  const code = sorted.reduceRight((text, { pos, end }) => text.slice(0, pos) + text.slice(end), source);
  return { comments, code };
}

/** Lines of a file whose comments start with a marker (`#` in shell, `//` in Prisma's schema, `--` in SQL). */
function markedComments(file: string, source: string, marker: string): Passage[] {
  return lines(file, source).flatMap((passage) => {
    const at = passage.text.indexOf(marker);
    return at === -1 ? [] : [{ ...passage, text: passage.text.slice(at) }];
  });
}

const SCRIPT = /\.(ts|tsx|mts|mjs|js|cjs)$/;
const CODE_DIRS = ["lib", "app", "scripts", "prisma", "tests", "e2e", ".ci"];
// How a comment starts in the other files the code is made of.
const MARKERS: [RegExp, string][] = [
  [/\.prisma$/, "//"],
  [/\.(sql|lua)$/, "--"],
  [/^\.ci\/|\.sh$/, "#"],
];
const CODE_FILES = ["middleware.ts", "server.ts", "instrumentation.ts", "next.config.js", "vitest.config.ts", "playwright.config.ts", "prisma.config.ts", "eslint.config.mjs"];

/** The Markdown pages and .env.example, every line. */
export function documents(): Passage[] {
  const pages = ["README.md", ...filesUnder("docs").filter((file) => file.endsWith(".md"))];
  return [...pages, ".env.example"].flatMap((file) => lines(file, readFileSync(path.join(ROOT, file), "utf8")));
}

type Scanned = { comments: Passage[]; code: string };
let scanned: Scanned | undefined;

/** Each code file read and split once: its comments, and its code without them. */
function scan(): Scanned {
  scanned ??= [...CODE_FILES, ...CODE_DIRS.flatMap(filesUnder)].reduce<Scanned>(
    (all, file) => {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      const marker = MARKERS.find(([pattern]) => pattern.test(file))?.[1];
      const split = SCRIPT.test(file) ? splitScript(file, source) : { comments: marker ? markedComments(file, source, marker) : [], code: source };
      // An applied migration is never edited (its checksum is recorded): its comments are history.
      if (file.startsWith("prisma/migrations/")) split.comments = [];
      return { comments: [...all.comments, ...split.comments], code: `${all.code}\n${split.code}` };
    },
    { comments: [], code: "" },
  );
  return scanned;
}

/** Every comment of the code, line by line. */
export const comments = (): Passage[] => scan().comments;

/** The code itself, comments left out of its scripts: what a name must be found in. */
export const code = (): string => scan().code;
