// `npm run db:generate`, and postinstall: `prisma generate`, offline. Prisma 7's CLI wants
// its native schema engine present before any command, downloading it when missing, though
// generating the client never runs it. Naming any existing file satisfies the check, so this
// works without network here and changes nothing where the download would have worked.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve("prisma/build/index.js");
} catch {
  // `npm ci --omit=dev` leaves the CLI (a devDependency) out: that install must not fail.
  if (process.env.npm_lifecycle_event === "postinstall") {
    console.warn("prisma CLI not installed: skipped generating the Prisma client");
    process.exit(0);
  }
  console.error("The prisma CLI is not installed: run npm install");
  process.exit(1);
}

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const { status, error } = spawnSync(process.execPath, [cli, "generate", ...process.argv.slice(2)], {
  env,
  stdio: "inherit",
});
if (error) throw error;
process.exit(status ?? 1);
