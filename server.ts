// The entry of `npm start` (compiled to dist/server.js by `npm run build`, run by plain
// node) and of `npm run dev` (run through tsx, one process, hot reload). It exists for
// what Next's own CLI cannot do for us:
//  1. first run with no setup: in embedded mode, a JWT secret is generated once into
//     .env.local (before any module reads the configuration);
//  2. configuration and migrations are checked once, before any port opens, so a bad
//     variable stops start-up with one line, as does an embedded database that another
//     process owns (this one owns it from then on);
//  3. every core serves requests: one worker process per CPU, a dead one replaced
//     (lib/server/cluster.ts), each one closing gracefully on SIGTERM or SIGINT;
//  4. the client address is taken from the socket (or a trusted proxy hop) and written
//     over any X-Forwarded-For the client sent, so rate limits cannot be dodged.
import cluster from "node:cluster";
import { prepareEnv } from "./scripts/prepare-env.ts";

const dev = process.argv.includes("--dev");
const root = process.cwd();
// React and Next choose their production code paths by NODE_ENV: `npm start` must not run
// development builds of them because a shell left it unset.
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });

async function prepare(): Promise<void> {
  prepareEnv(root, dev);
  await import("./lib/env.ts");
  // This process owns the embedded database from here to its exit; the worker it forks
  // uses its claim (docs/decisions/0025-embedded-database-owner.md).
  const { takeLocalData } = await import("./lib/startup.ts");
  await takeLocalData();
  const { migrateConfiguredDatabase } = await import("./lib/db/migrate.ts");
  await migrateConfiguredDatabase().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw Object.assign(new Error(`Cannot prepare the database: ${reason}`), { name: "MigrationError" });
  });
}

// serve.ts reads the configuration as it loads: it is imported only once prepare() has
// put a first run's JWT secret from .env.local into the environment (workers inherit it).
const serve = async () => (await import("./lib/server/serve.ts")).serveNext({ dev, root });

async function main(): Promise<void> {
  if (dev) {
    // A new operation reaches middleware's route table on the next `npm run dev`.
    const { writeGeneratedTables } = await import("./scripts/api-routes.ts");
    for (const file of await writeGeneratedTables()) console.log(`${file}: rewritten from lib/api/operations`);
    await prepare();
    return serve();
  }
  if (cluster.isWorker) return serve();
  await prepare();
  const { env } = await import("./lib/env.ts");
  const { superviseWorkers, workerCount } = await import("./lib/server/cluster.ts");
  // npm names the script it runs: `npm start`'s node stops when npm goes (lib/server/cluster.ts).
  superviseWorkers(workerCount(env), `http://${env.HOST}:${env.PORT}`, { startedByNpm: process.env.npm_lifecycle_event === "start" });
}

main().catch((error: unknown) => {
  // A configuration or migration problem, or a database in use: one line, no stack trace.
  const known = error instanceof Error && ["ConfigError", "MigrationError", "DatabaseInUseError"].includes(error.name);
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
