// The checks of `npm run vercel:check` on a hand-made .vercel/output: each one refuses the
// fault it exists for. (The check on a real `vercel build`, and its self-test that breaks
// middleware.ts, run in CI: README, "Deploy on Vercel".)
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkMiddleware, EDGE_RUNTIME_CHECK, EDGE_SIZE_LIMIT } from "@/scripts/vercel-check/edge";
import { checkRouteFunctions, checkSecurityHeaders } from "@/scripts/vercel-check/routes";
import { checkSecrets } from "@/scripts/vercel-check/secrets";

let repo: string;
let output: string;
beforeEach(async () => {
  repo = await mkdtemp(path.join(tmpdir(), "vercel-check-test-"));
  output = path.join(repo, ".vercel", "output");
  await put("config.json", JSON.stringify({ routes: [{ src: "^/api/.*$", middlewarePath: "middleware" }] }));
});
afterEach(() => rm(repo, { recursive: true, force: true }));

async function put(file: string, content: string | Buffer, base = output): Promise<void> {
  await mkdir(path.dirname(path.join(base, file)), { recursive: true });
  await writeFile(path.join(base, file), content);
}
const edgeFunction = async (code: string | Buffer) => {
  await put("functions/middleware.func/.vc-config.json", JSON.stringify({ runtime: "edge", entrypoint: "index.js" }));
  await put("functions/middleware.func/index.js", code);
};
const failures = async (buildLog = "") => (await checkMiddleware(output, buildLog)).filter((check) => !check.ok);

describe("the middleware checks of vercel:check", () => {
  it("pass an edge bundle that loads only Node modules the Edge runtime has", async () => {
    await edgeFunction(`require("node:buffer"); require("async_hooks");`);
    expect(await failures()).toEqual([]);
  });

  it("refuse a bundle that requires a Node module the Edge runtime lacks, naming it", async () => {
    await edgeFunction(`var fs = e.x("node:fs", () => require("node:fs"), !0);`);
    const [failure] = await failures();
    expect(failure).toMatchObject({ name: EDGE_RUNTIME_CHECK, detail: expect.stringContaining("requires node:fs") });
  });

  it("refuse a build whose log has Next's warning about Node code in the Edge Runtime", async () => {
    await edgeFunction(`export default 1;`);
    const log = "Warning: A Node.js API is used (process.cwd at line: 3) which is not supported in the Edge Runtime.";
    expect((await failures(log))[0]?.detail).toContain("process.cwd at line: 3");
  });

  it("refuse a middleware that runs on Node.js, or that no route sends requests through", async () => {
    await put("functions/middleware.func/.vc-config.json", JSON.stringify({ runtime: "nodejs24.x" }));
    await put("functions/middleware.func/index.js", "export default 1;");
    await put("config.json", JSON.stringify({ routes: [] }));
    expect((await failures()).map((check) => check.name)).toEqual([
      "middleware is an edge function",
      "requests go through the middleware",
    ]);
  });

  it("refuse a bundle over the Hobby plan's limit once gzipped", async () => {
    await edgeFunction(randomBytes(EDGE_SIZE_LIMIT + 1000));
    expect((await failures())[0]?.detail).toMatch(/gzipped .* limit 1000\.0 kB \(Hobby\): too large to deploy$/);
  });
});

describe("the output checks of vercel:check", () => {
  it("refuse an output that lacks the function of a route handler", async () => {
    await put("app/api/items/route.ts", "", repo);
    await put("app/api/items/[id]/route.ts", "", repo);
    await put("functions/api/items.func/.vc-config.json", JSON.stringify({ runtime: "nodejs24.x" }));
    const check = await checkRouteFunctions(repo, output);
    expect(check).toMatchObject({ ok: false, detail: "app/api/items/[id]/route.ts has no functions/api/items/[id].func" });
  });

  it("refuse a config.json whose routes lack a header that next.config.js sets", async () => {
    const headers = [{ source: "/api/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }] }];
    await put("next.config.js", `export default { headers: async () => (${JSON.stringify(headers)}) };`, repo);
    expect(await checkSecurityHeaders(repo, output)).toMatchObject({ ok: false, detail: "missing: X-Frame-Options on /api/:path*" });
    await put("config.json", JSON.stringify({ routes: [{ src: "^/api/.*$", headers: { "X-Frame-Options": "DENY" } }] }));
    expect((await checkSecurityHeaders(repo, output)).ok).toBe(true);
  });

  it("find a secret in a project file that a function maps in, through a symlinked function", async () => {
    await put(".next/server/chunk.js", "const key = 'hunter2-secret-value';", repo);
    const config = { runtime: "nodejs24.x", filePathMap: { ".next/server/chunk.js": ".next/server/chunk.js" } };
    await put("functions/api/a.func/.vc-config.json", JSON.stringify(config));
    await symlink("a.func", path.join(output, "functions/api/b.func"));
    const check = await checkSecrets(repo, output, { JWT_SECRET: "hunter2-secret-value", OTHER: "absent" });
    expect(check).toMatchObject({ ok: false, detail: "JWT_SECRET in .next/server/chunk.js" });
  });
});
