// Runs `vercel build --yes --prod` in the copy, offline: the project link and env file are
// local, the CLI's own config lives in the workspace, telemetry and update checks are off.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

let running: ChildProcess | undefined;

/** Stops a build under way: the check was interrupted. */
export const stopBuild = () => running?.kill("SIGTERM");

export type BuildResult = { ok: boolean; seconds: number; log: string };

/** The build's env: the caller's, minus every app setting and Vercel variable (the env file has them). */
export function buildEnv(settings: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (settings.includes(name) || name.startsWith("VERCEL")) delete env[name];
  Reflect.deleteProperty(env, "NODE_ENV"); // the build sets its own
  return { ...env, VERCEL_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1", NO_UPDATE_NOTIFIER: "1" };
}

export async function vercelBuild(repo: string, cliConfig: string, env: NodeJS.ProcessEnv): Promise<BuildResult> {
  const logFile = path.join(cliConfig, "..", "build.log");
  const log = createWriteStream(logFile);
  const started = Date.now();
  const cli = path.join(repo, "node_modules", ".bin", "vercel");
  const child = spawn(cli, ["build", "--yes", "--prod", "--global-config", cliConfig], {
    cwd: repo,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = child;
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject).once("close", resolve);
  }).finally(() => (running = undefined));
  await new Promise((resolve) => log.end(resolve));
  // Without colour codes, so that the checks can read Next's warnings.
  const text = (await readFile(logFile, "utf8")).replace(/\x1b\[[0-9;]*m/g, "");
  return { ok: status === 0, seconds: Math.round((Date.now() - started) / 1000), log: text };
}
