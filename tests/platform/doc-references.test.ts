// The handbook stays true: what the README, docs/, the decision records, .env.example and
// the code's comments name must exist. The rule is docs/testing.md, "Docs that stay true".
import { describe, expect, it } from "vitest";
import {
  anchorOf,
  at,
  declares,
  exists,
  fileHolds,
  headingsOf,
  linksIn,
  namesIn,
  outsidePathsIn,
  pathsIn,
  quotedCode,
  readmeCitations,
  symbolsIn,
} from "../helpers/doc-references";
import { code, comments, documents, filesUnder } from "../helpers/repo-text";

const prose = [...documents(), ...comments()];

// Made by a build, a run or a test, never committed (.gitignore): named, but not there.
const MADE_LATER = /^(lib\/generated|e2e\/artifacts)\//;

// Named on purpose although they do not exist, each with the reason.
const NOT_THERE = new Set([
  // Removed by decision 0023, which its records 0021 and 0023 tell as history.
  "lib/auth/routes.ts",
  "lib/openapi/paths-*.ts",
  // Rejected in decision 0024, never built.
  "lib/env/edge.ts",
  "lib/env/server.ts",
  // The homes of the second factors and the audit trail, waiting for their first module.
  "lib/auth/factors/",
  "lib/audit/",
  // Not paths: the benchmark's ratio columns (docs/benchmarks.md).
  "app/base",
  "app/flask",
  "app/raw",
  "app/raw2",
]);

// Other software's names, put in backticks where a page or comment discusses them.
const THEIRS = new Set(["useQuery", "useInfiniteQuery", "useMutation", "useActionState", "sideEffects", "headersTimeout", "requestTimeout", "maxDuration", "relaxedDurability", "middlewareClientMaxBodySize", "cacheMaxAge", "allowScripts"]);

describe("the handbook and the comments", () => {
  it("name only files and folders that exist", () => {
    const missing = prose.flatMap((passage) =>
      pathsIn(passage.text)
        .filter((named) => !MADE_LATER.test(named) && !NOT_THERE.has(named) && !exists(named))
        .map((named) => at(passage, named)),
    );
    expect(missing).toEqual([]);
  });

  it("name only symbols that the file they name exports", () => {
    const missing = prose.flatMap((passage) =>
      symbolsIn(passage.text)
        .filter(({ symbol, file }) => !MADE_LATER.test(file) && !NOT_THERE.has(file) && !declares(file, symbol))
        .map(({ symbol, file }) => at(passage, `\`${symbol}\` in ${file}`)),
    );
    expect(missing).toEqual([]);
  });

  it("name in backticks only functions and values the code still has", () => {
    const words = new Set(code().match(/[\w$]+/g));
    const gone = prose.flatMap((passage) =>
      namesIn(passage.text)
        .filter((name) => !THEIRS.has(name) && !words.has(name))
        .map((name) => at(passage, `\`${name}\``)),
    );
    expect(gone).toEqual([]);
  });

  it("quote code as it is in the file they say it is in", () => {
    const pages = ["README.md", ...filesUnder("docs").filter((file) => file.endsWith(".md"))];
    const quotes = pages.flatMap((page) => quotedCode(page).map((quote) => ({ page, ...quote })));
    expect(quotes.length).toBeGreaterThanOrEqual(2); // docs/adding-an-endpoint.md's example
    const stale = quotes.filter(({ file, quoted }) => !exists(file) || !fileHolds(file, quoted));
    expect(stale.map(({ page, line, file }) => `${page}:${line}: ${file}`)).toEqual([]);
  });

  it("link only to files and headings that exist", () => {
    const broken = documents().flatMap((passage) =>
      linksIn(passage).flatMap(({ target, anchor }) => {
        if (!exists(target)) return [at(passage, target)];
        if (!anchor || !target.endsWith(".md")) return [];
        return headingsOf(target).map(anchorOf).includes(anchor) ? [] : [at(passage, `${target}#${anchor}`)];
      }),
    );
    expect(broken).toEqual([]);
  });

  it("cite only sections the README has", () => {
    const sections = headingsOf("README.md");
    const unknown = prose.flatMap((passage) =>
      readmeCitations(passage.text)
        .filter((cited) => !sections.some((section) => cited.startsWith(section)))
        .map((cited) => at(passage, `README: ${cited}`)),
    );
    expect(unknown).toEqual([]);
  });

  it("cite no document outside the repository", () => {
    // The benchmark's peers are a place it runs programs from, not a document (docs/benchmarks.md).
    const outside = prose.flatMap((passage) =>
      outsidePathsIn(passage)
        .filter((resolved) => !/^\.\.\/shared\/bench(\/|$)/.test(resolved))
        .map((resolved) => at(passage, resolved)),
    );
    const contract = comments().filter(({ text }) => /\bcontract\b/i.test(text)).map((passage) => at(passage, passage.text.trim()));
    expect([...outside, ...contract]).toEqual([]);
  });
});
