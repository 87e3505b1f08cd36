// Runs app code in a new Node process, for tests about settings that lib/env reads once
// per process (another database, another data directory) and about what happens between
// processes (who owns the embedded database, a SIGKILL). The code's return value comes
// back through stdout as JSON.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path, { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const repo = process.cwd();
// By its path: a child may run in another directory (a data directory's own root).
const tsx = pathToFileURL(createRequire(path.join(repo, "package.json")).resolve("tsx")).href;

// A file, not --eval: code that Next loads looks for `require`, which an --eval module lacks.
function mainFile(body: string): { file: string; remove: () => void } {
  const code = body.replaceAll('import("./', `import("${pathToFileURL(repo).href}/`);
  const dir = mkdtempSync(join(tmpdir(), "jwt-items-child-"));
  const file = join(dir, "main.mts");
  writeFileSync(file, `const result = await (async () => { ${code} })(); console.log(JSON.stringify(result ?? null));`);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// tsconfig.node.json: lib's `server-only` marks are no-ops in plain Node, as in the scripts.
const childEnv = (env: Record<string, string>) => ({
  ...process.env,
  TSX_TSCONFIG_PATH: path.join(repo, "tsconfig.node.json"),
  ...env,
});

/** `body` is the inside of an async function; it may `await import("./lib/…")`. */
export async function inNewProcess(body: string, env: Record<string, string>, cwd = repo): Promise<unknown> {
  const main = mainFile(body);
  try {
    const { stdout } = await run(process.execPath, ["--import", tsx, main.file], { cwd, env: childEnv(env) });
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
  } finally {
    main.remove();
  }
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs one of the repository's TypeScript entry points (`server.ts`, `scripts/…`) to its end. */
export function runEntry(file: string, args: string[], env: Record<string, string>): Promise<Exit> {
  return exitOf(spawn(process.execPath, ["--import", tsx, path.join(repo, file), ...args], { env: childEnv(env) }));
}

export type Running = {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the first line of stdout that matches, or rejects when the process ends first. */
  line: (pattern: RegExp) => Promise<string>;
  exited: Promise<Exit>;
};

/** Starts `body` in a new process and leaves it running; it can read stdin and print lines. */
export function startNewProcess(body: string, env: Record<string, string>): Running {
  const main = mainFile(body);
  const child = spawn(process.execPath, ["--import", tsx, main.file], { env: childEnv(env) });
  const exited = exitOf(child);
  void exited.finally(main.remove);
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const line = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const found = stdout.split("\n").find((l) => pattern.test(l));
        if (found === undefined) return false;
        child.stdout.off("data", look);
        resolve(found);
        return true;
      };
      if (look()) return;
      child.stdout.on("data", look);
      void exited.then((exit) => reject(new Error(`The process ended without printing ${pattern}: ${exit.stderr}`)));
    });
  return { child, line, exited };
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<Exit> {
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}
