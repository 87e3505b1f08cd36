import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { inNewProcess } from "../helpers/child-process";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function firstRunIn(existing: string | null): Promise<{ mode: number; text: string }> {
  dir = await mkdtemp(path.join(tmpdir(), "prepare-env-"));
  const file = path.join(dir, ".env.local");
  if (existing !== null) {
    await writeFile(file, existing);
    await chmod(file, 0o644);
  }
  // A process of its own: the embedded mode's first run, with no secret and no database set.
  await inNewProcess(
    `const { prepareEnv } = await import(${JSON.stringify(path.resolve("scripts/prepare-env.ts"))}); prepareEnv(${JSON.stringify(dir)}, false);`,
    { JWT_SECRET: "", DATABASE_URL: "" },
  );
  return { mode: (await stat(file)).mode & 0o777, text: await readFile(file, "utf8") };
}

describe("the embedded mode's first run", () => {
  it("writes a JWT secret to a new .env.local that only its owner can read", async () => {
    const { mode, text } = await firstRunIn(null);
    expect(text).toMatch(/^JWT_SECRET=[\w-]{64}$/m);
    expect(mode).toBe(0o600);
  });

  it("makes an existing, readable .env.local private when it adds the secret to it", async () => {
    const { mode, text } = await firstRunIn("PORT=4000\n");
    expect(text).toMatch(/^PORT=4000\n# Generated on first run/);
    expect(mode).toBe(0o600);
  });

  it("makes an .env.local that already holds a secret private too", async () => {
    const { mode, text } = await firstRunIn("JWT_SECRET=an-older-secret-of-at-least-32-bytes-long\n");
    expect(text).toBe("JWT_SECRET=an-older-secret-of-at-least-32-bytes-long\n");
    expect(mode).toBe(0o600);
  });
});
