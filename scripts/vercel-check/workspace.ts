// The throwaway copy that `npm run vercel:check` builds: the repository's files as they
// are on disk (tracked, or new and not ignored), the installed node_modules hardlinked,
// and a project link and production env for Vercel's CLI. The real tree is never written.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export type Workspace = { dir: string; repo: string; cliConfig: string; remove: () => Promise<void> };

// The link `vercel link` would write, for a project that does not exist: `vercel build`
// reads it and asks Vercel's API nothing. An empty install command skips the builder's
// `npm install`: the copy already has the installed packages.
const PROJECT_LINK = {
  projectId: "prj_offline",
  orgId: "team_offline",
  settings: { framework: "nextjs", installCommand: "" },
};

export async function makeWorkspace(root: string): Promise<Workspace> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "vercel-check-"));
  const repo = path.join(dir, "repo");
  const cliConfig = path.join(dir, "cli-config");
  await mkdir(cliConfig);
  for (const file of repositoryFiles(root)) {
    await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
    await copyFile(path.join(root, file), path.join(repo, file));
  }
  // Hardlinks: seconds instead of a 1.4 GB copy. Nothing in the build writes into an
  // existing file under node_modules (new files land in the copy's own directories).
  run("cp", ["-al", path.join(root, "node_modules"), path.join(repo, "node_modules")]);
  return { dir, repo, cliConfig, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `.vercel/project.json` and `.vercel/.env.production.local` into the copy. */
export async function linkProject(repo: string, env: Record<string, string>): Promise<void> {
  const vercelDir = path.join(repo, ".vercel");
  await mkdir(vercelDir, { recursive: true });
  await writeFile(path.join(vercelDir, "project.json"), JSON.stringify(PROJECT_LINK));
  const lines = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  await writeFile(path.join(vercelDir, ".env.production.local"), `${lines.join("\n")}\n`, { mode: 0o600 });
}

/** Every setting .env.example documents: the build must see only the env file's values. */
export async function documentedSettings(root: string): Promise<string[]> {
  const example = await readFile(path.join(root, ".env.example"), "utf8");
  return [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map(([, name]) => name!);
}

function repositoryFiles(root: string): string[] {
  const listed = run("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
  // A file deleted but not yet committed is listed and absent: the copy lacks it too.
  return listed.split("\0").filter((file) => file !== "" && existsSync(path.join(root, file)));
}

function run(command: string, args: string[]): string {
  const { status, stdout, stderr, error } = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (error) throw error;
  if (status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${stderr.trim()}`);
  return stdout;
}
