// `npm run vercel:check -- --self-test`: the check must refuse a middleware that imports
// Node-only code. The copy's middleware.ts reads a file with node:fs on one request path
// (Next's edge build only warns about it, and Vercel would deploy it to fail at run time);
// the check must fail on that, saying why, and on nothing else.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { EDGE_RUNTIME_CHECK } from "./edge";
import type { Check } from "./report";

const NODE_ONLY = "node:fs";

/** Makes the copy's middleware read a file on requests that carry x-vercel-check. */
export async function importNodeOnlyCode(repo: string): Promise<void> {
  const file = path.join(repo, "middleware.ts");
  const source = await readFile(file, "utf8");
  const entry = /export (?:async )?function middleware\((\w+)[^)]*\)[^{]*\{/.exec(source);
  if (!entry) throw new Error("self-test: middleware.ts has no `export function middleware(request)` to change");
  const probe = `\n  if (${entry[1]}.headers.has("x-vercel-check")) return new Response(readFileSync("/etc/hostname"));`;
  const changed = source.replace(entry[0], entry[0] + probe);
  await writeFile(file, `import { readFileSync } from "${NODE_ONLY}";\n${changed}`);
}

/** What the self-test concludes from the check's results on that copy. */
export function judgeSelfTest(checks: Check[]): { ok: boolean; message: string } {
  const failed = checks.filter((check) => !check.ok);
  const why = failed.find((check) => check.name === EDGE_RUNTIME_CHECK && check.detail.includes(NODE_ONLY));
  const others = failed.filter((check) => check.name !== EDGE_RUNTIME_CHECK);
  if (!why) return { ok: false, message: `the check did not refuse a middleware that imports ${NODE_ONLY}` };
  if (others.length > 0) {
    return { ok: false, message: `the check also failed on something else: ${others.map((c) => c.name).join(", ")}` };
  }
  return { ok: true, message: `the check refused a middleware that imports ${NODE_ONLY}: ${why.detail}` };
}
