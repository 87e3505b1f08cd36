// Checks of the middleware that `vercel build` wrote to .vercel/output: an edge function
// that requests go through, small enough for every plan, needing no Node module that
// Vercel's Edge runtime lacks. Limits and sources: docs/decisions/0030-vercel-build-check.md.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Check } from "./report";

// The strictest plan's limit (Hobby; Pro 2 MB, Enterprise 4 MB), after gzip, read as
// 10^6 bytes, the stricter reading of "1 MB".
export const EDGE_SIZE_LIMIT = 1_000_000;

// Node's modules that the Edge runtime provides (with or without `node:`): Next's own list.
const EDGE_NODE_MODULES = new Set(["buffer", "events", "assert", "util", "async_hooks"]);

export const EDGE_RUNTIME_CHECK = "middleware needs only what the Edge runtime has";

type FunctionConfig = { runtime?: string };
type OutputConfig = { routes?: Array<{ middlewarePath?: string }> };

export async function checkMiddleware(output: string, buildLog: string): Promise<Check[]> {
  const dir = path.join(output, "functions", "middleware.func");
  const config = await readJson<FunctionConfig>(path.join(dir, ".vc-config.json"));
  if (!config) return [fail("middleware is an edge function", "no functions/middleware.func/.vc-config.json")];
  const routes = (await readJson<OutputConfig>(path.join(output, "config.json")))?.routes ?? [];
  const code = await codeFiles(dir);
  return [
    config.runtime === "edge"
      ? pass("middleware is an edge function", `"runtime": "edge" in functions/middleware.func`)
      : fail("middleware is an edge function", `its runtime is ${JSON.stringify(config.runtime)}, not "edge"`),
    routes.some((route) => route.middlewarePath === "middleware")
      ? pass("requests go through the middleware", "config.json's routes name it")
      : fail("requests go through the middleware", "no route in config.json names it"),
    sizeCheck(code),
    nodeModulesCheck(code, buildLog),
  ];
}

function sizeCheck(code: Map<string, Buffer>): Check {
  const raw = Buffer.concat([...code.values()]);
  const gzipped = gzipSync(raw).length;
  const detail = `${kB(gzipped)} gzipped (${kB(raw.length)} raw), limit ${kB(EDGE_SIZE_LIMIT)} (Hobby)`;
  const name = "middleware fits Vercel's edge size limit";
  return gzipped <= EDGE_SIZE_LIMIT ? pass(name, detail) : fail(name, `${detail}: too large to deploy`);
}

/** Node modules the bundle loads at run time, and Next's build warnings about them. */
function nodeModulesCheck(code: Map<string, Buffer>, buildLog: string): Check {
  const required = new Set<string>();
  for (const [file, content] of code) {
    if (!file.endsWith(".js")) continue;
    for (const [, name] of content.toString("utf8").matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)) required.add(name!);
  }
  const unsupported = [...required].filter((name) => !EDGE_NODE_MODULES.has(name.replace(/^node:/, "")));
  const warnings = [...buildLog.matchAll(/A Node\.js (?:module|API) is (?:loaded|used) \(([^)]*)\)[^\n]*Edge Runtime/g)];
  const name = EDGE_RUNTIME_CHECK;
  if (unsupported.length === 0 && warnings.length === 0) {
    return pass(name, `it loads ${[...required].join(", ") || "no Node module"}`);
  }
  const reasons = [
    ...(unsupported.length ? [`the bundle requires ${unsupported.join(", ")}, which Vercel's Edge runtime lacks`] : []),
    ...warnings.map(([, what]) => `next build warned: a Node.js module (${what}) is not supported in the Edge Runtime`),
  ];
  return fail(name, reasons.join("; "));
}

/** The function's files as Vercel's builder measures them: no config, no source maps. */
async function codeFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === ".vc-config.json" || entry.name.endsWith(".map")) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file));
  }
  return files;
}

async function readJson<T>(file: string): Promise<T | undefined> {
  return readFile(file, "utf8").then((text) => JSON.parse(text) as T, () => undefined);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const pass = (name: string, detail: string): Check => ({ name, ok: true, detail });
const fail = (name: string, detail: string): Check => ({ name, ok: false, detail });
