// Checks that no secret of the build's env file was baked into what a deployment ships:
// the files of .vercel/output and those its functions' .vc-config.json map in from the
// project (traced node_modules and .next files), followed through symlinks, each read once.
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Check } from "./report";

type FunctionConfig = { filePathMap?: Record<string, string> };

export async function checkSecrets(repo: string, output: string, secrets: Record<string, string>): Promise<Check> {
  const files = await shippedFiles(repo, output);
  const needles = Object.entries(secrets).map(([name, value]) => [name, Buffer.from(value)] as const);
  const found: string[] = [];
  for (const file of files) {
    const content = await readFile(file);
    for (const [name, needle] of needles) {
      if (content.includes(needle)) found.push(`${name} in ${path.relative(repo, file)}`);
    }
  }
  const name = "no secret of the env file is in the output";
  const what = Object.keys(secrets).join(", ");
  return found.length === 0
    ? { name, ok: true, detail: `${what} looked for in ${files.size} files` }
    : { name, ok: false, detail: found.join("; ") };
}

async function shippedFiles(repo: string, output: string): Promise<Set<string>> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = async (entry: string): Promise<void> => {
    const real = await realpath(entry).catch(() => undefined);
    if (!real || seen.has(real)) return;
    seen.add(real);
    const info = await stat(real);
    if (info.isFile()) files.add(real);
    if (!info.isDirectory()) return;
    for (const name of await readdir(real)) await visit(path.join(real, name));
  };
  await visit(output);
  for (const file of [...files].filter((f) => path.basename(f) === ".vc-config.json")) {
    const config = JSON.parse(await readFile(file, "utf8")) as FunctionConfig;
    for (const mapped of Object.values(config.filePathMap ?? {})) await visit(path.resolve(repo, mapped));
  }
  return files;
}
