// `npm run vercel-build`, which Vercel runs instead of `build`: the Prisma client, then
// the database's pending migrations, then Next's build. Migrating here, not at start,
// because on Vercel no server.ts runs: the functions start cold, many at once.
// Plain Node (no tsx): it runs before anything is compiled.
import { spawnSync } from "node:child_process";

/** Runs a command with the build's output; stops the build if it fails. */
function run(command, args, env = process.env) {
  console.log(`> ${command} ${args.join(" ")}`);
  const { status, error } = spawnSync(command, args, { stdio: "inherit", env });
  if (error) throw error;
  if (status !== 0) process.exit(status ?? 1);
}

run("npm", ["run", "db:generate"]);

// Migrations take session-level locks, which a transaction pooler (Neon's -pooler host,
// PgBouncer) cannot hold: they go through the direct connection when there is one.
const migrationUrl = process.env.DATABASE_URL_UNPOOLED || process.env.DATABASE_URL;
if (!migrationUrl) {
  console.log("DATABASE_URL is not set: no migrations to apply (the embedded database migrates itself at start).");
} else {
  // Through Prisma's WebAssembly schema engine, as `npm start` and `npm run db:migrate` do
  // everywhere: no native engine to download at build time (docs/decisions/0030-vercel-build-check.md).
  run("npm", ["run", "db:migrate"], { ...process.env, DATABASE_URL: migrationUrl });
}

run("npx", ["tsx", "--tsconfig", "tsconfig.node.json", "scripts/prepare-env.ts"]);
run("npx", ["next", "build"]);
