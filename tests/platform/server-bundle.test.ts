// `npm start` runs dist/server.js on plain Node, where a bare `next/server` import does not
// resolve (ESM needs the file's extension): the server process, which runs the hourly
// purge, must not pull in the modules that work inside a Next request (lib/background).
// Built here in memory with scripts/build-server.mjs's settings.
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the server process's bundle", () => {
  it("imports no module that needs Next's request scope", async () => {
    const result = await build({
      entryPoints: ["server.ts"],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      tsconfig: "tsconfig.node.json",
      logLevel: "silent",
    });
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports).not.toContain("next/server");
    expect(Object.keys(result.metafile.inputs)).not.toContain("lib/background/index.ts");
  }, 30_000);
});
