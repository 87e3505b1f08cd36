// Compiles server.ts and what it imports from lib/ into dist/server.js, so that
// `npm start` runs plain JavaScript on plain node: no TypeScript loader, no module hooks,
// no source-map rewriting of stack traces on the request path. Packages stay external
// (node_modules is there at run time); the `@/` paths of tsconfig.node.json are resolved.
// Runs after `next build` as part of `npm run build`.
import { build } from "esbuild";

await build({
  entryPoints: ["server.ts"],
  outfile: "dist/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // Its paths also make `server-only` a no-op: this is plain Node, with no client bundle to guard.
  tsconfig: "tsconfig.node.json",
  logLevel: "warning",
});
console.log("Compiled server.ts to dist/server.js");
