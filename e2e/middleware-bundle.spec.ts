// The edge middleware runs before every API call and page: its bundle is code that each
// edge location loads cold, and Vercel caps it. Measured from the build this run serves.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

const LIMIT = 100 * 1024;
const dist = join(process.cwd(), ".next");

type Manifest = { middleware: Record<string, { files: string[] }> };

test("the middleware bundle stays under 100 KB gzipped", () => {
  const manifest = JSON.parse(readFileSync(join(dist, "server", "middleware-manifest.json"), "utf8")) as Manifest;
  const files = Object.values(manifest.middleware).flatMap((entry) => entry.files);
  expect(files.length).toBeGreaterThan(0);
  const gzipped = files.reduce((total, file) => total + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
  test.info().annotations.push({ type: "middleware gzipped bytes", description: String(gzipped) });
  console.log(`middleware bundle: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
  expect(gzipped).toBeLessThan(LIMIT);
});
