// Runs app code in a new Node process, for tests about settings that lib/env reads once
// per process (another database, another data directory). The code's return value comes
// back through stdout as JSON.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** `body` is the inside of an async function; it may `await import("./lib/…")`. */
export async function inNewProcess(body: string, env: Record<string, string>): Promise<unknown> {
  const script = `const result = await (async () => { ${body} })(); console.log(JSON.stringify(result ?? null));`;
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], {
    cwd: process.cwd(),
    // tsconfig.node.json: lib's `server-only` marks are no-ops in plain Node, as in the scripts.
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.node.json", ...env },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
}
