// Runs app code in a new Node process, for tests about settings that lib/env reads once
// per process (another database, another data directory). The code's return value comes
// back through stdout as JSON.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** `body` is the inside of an async function; it may `await import("./lib/…")`. */
export async function inNewProcess(body: string, env: Record<string, string>): Promise<unknown> {
  // A file, not --eval: code that Next loads looks for `require`, which an --eval module lacks.
  const root = pathToFileURL(process.cwd()).href;
  const code = body.replaceAll('import("./', `import("${root}/`);
  const dir = mkdtempSync(join(tmpdir(), "jwt-items-child-"));
  const file = join(dir, "main.mts");
  writeFileSync(file, `const result = await (async () => { ${code} })(); console.log(JSON.stringify(result ?? null));`);
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", file], { cwd: process.cwd(), env: { ...process.env, ...env } });
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
