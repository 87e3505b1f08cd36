// Colours live in one place, the tokens of app/globals.css, with a value for each colour
// scheme: a colour written anywhere else would stay light in the dark scheme (or dark in
// the light one). The browser's theme colour is the header's, in each scheme.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { THEME_COLORS } from "@/app/theme";
import { filesUnder, ROOT } from "../helpers/repo-text";

const GLOBALS = readFileSync(path.join(ROOT, "app/globals.css"), "utf8");
const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(?:white|black)\b(?!-)/i;

/** The declarations of the first block that opens with `opening`. */
function block(css: string, opening: string): Map<string, string> {
  const start = css.indexOf(opening);
  expect(start, opening).toBeGreaterThanOrEqual(0);
  const body = css.slice(start + opening.length, css.indexOf("}", start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name ?? "", value ?? ""]));
}

const light = block(GLOBALS, ":root {");
const dark = block(GLOBALS, "@media (prefers-color-scheme: dark) {\n  :root {");

describe("colour tokens", () => {
  it("give every colour token a dark value too", () => {
    expect([...dark.keys()].sort()).toEqual([...light.keys()].sort());
    expect(light.size).toBeGreaterThan(15);
  });

  it("write no colour outside the token declarations, in any stylesheet of the app", () => {
    const stray = filesUnder("app")
      .filter((file) => file.endsWith(".css"))
      .flatMap((file) =>
        readFileSync(path.join(ROOT, file), "utf8")
          .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "))
          .split("\n")
          .map((line, index) => ({ where: `${file}:${index + 1}`, line: line.trim() }))
          .filter(({ line }) => COLOUR.test(line) && !/^--[\w-]+:/.test(line)),
      );
    expect(stray).toEqual([]);
  });

  it("colour the browser's bar like the header, the surface token of each scheme", () => {
    expect(THEME_COLORS).toEqual({ light: light.get("--surface"), dark: dark.get("--surface") });
  });
});
