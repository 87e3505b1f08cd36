// Checks of what `vercel build` made of app/api and next.config.js: a Node.js function
// for every route handler, and every security header of next.config.js (README,
// "Security headers") in config.json's routes, where Vercel's edge network adds them.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Check } from "./report";

type Header = { key: string; value: string };
type HeaderRule = { source: string; headers: Header[] };
type Route = { src?: string; headers?: Record<string, string> };

export async function checkRouteFunctions(repo: string, output: string): Promise<Check> {
  const handlers = (await readdir(path.join(repo, "app", "api"), { recursive: true }))
    .filter((file) => path.basename(file) === "route.ts")
    .sort();
  const problems: string[] = [];
  const runtimes = new Set<string>();
  for (const handler of handlers) {
    // app/api/items/[id]/route.ts -> functions/api/items/[id].func; route groups "(x)" leave no segment.
    const route = path.join("api", path.dirname(handler)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
    const func = path.join("functions", ...route) + ".func";
    const config = await readFile(path.join(output, func, ".vc-config.json"), "utf8").then(
      (text) => JSON.parse(text) as { runtime?: string },
      () => undefined,
    );
    if (!config) problems.push(`app/api/${handler} has no ${func}`);
    else if (!config.runtime?.startsWith("nodejs")) problems.push(`${func} runs on ${config.runtime}, not Node.js`);
    else runtimes.add(config.runtime);
  }
  const name = "every route handler in app/api is a Node.js function";
  if (handlers.length === 0) return { name, ok: false, detail: "no route handler found under app/api" };
  if (problems.length > 0) return { name, ok: false, detail: problems.join("; ") };
  return { name, ok: true, detail: `${handlers.length} handlers, runtime ${[...runtimes].join(", ")}` };
}

export async function checkSecurityHeaders(repo: string, output: string): Promise<Check> {
  const rules = await configuredHeaders(repo);
  const config = JSON.parse(await readFile(path.join(output, "config.json"), "utf8")) as { routes?: Route[] };
  const routes = config.routes ?? [];
  const missing: string[] = [];
  for (const rule of rules) {
    // A path the rule covers: "/:path*" -> "/x", "/api/:path*" -> "/api/x".
    const sample = rule.source.replace(/\/:path\*$/, "") + "/x";
    const covering = routes.filter((route) => route.src && new RegExp(route.src).test(sample));
    for (const { key, value } of rule.headers) {
      if (!covering.some((route) => route.headers?.[key] === value)) missing.push(`${key} on ${rule.source}`);
    }
  }
  const count = rules.reduce((sum, rule) => sum + rule.headers.length, 0);
  const name = "next.config.js's security headers are in config.json's routes";
  if (count === 0) return { name, ok: false, detail: "next.config.js sets no headers" };
  return missing.length === 0
    ? { name, ok: true, detail: `${count} headers on ${rules.map((rule) => rule.source).join(", ")}` }
    : { name, ok: false, detail: `missing: ${missing.join(", ")}` };
}

/** next.config.js's headers() as a production build sees them (HSTS is production-only). */
async function configuredHeaders(repo: string): Promise<HeaderRule[]> {
  const previous = process.env.NODE_ENV;
  Object.assign(process.env, { NODE_ENV: "production" });
  try {
    const config = (await import(pathToFileURL(path.join(repo, "next.config.js")).href)) as {
      default: { headers?: () => Promise<HeaderRule[]> };
    };
    return (await config.default.headers?.()) ?? [];
  } finally {
    if (previous === undefined) Reflect.deleteProperty(process.env, "NODE_ENV");
    else Object.assign(process.env, { NODE_ENV: previous });
  }
}
