// The entry of `npm start` and `npm run dev`: a thin Node server around Next.
// It exists for three things Next's own CLI cannot do for us:
//  1. first run with no setup: in embedded mode, a JWT secret is generated once into
//     .env.local (before any module reads the configuration);
//  2. configuration and migrations are checked before the port opens, so a bad
//     variable stops start-up with one line;
//  3. the client address is taken from the socket (or a trusted proxy hop) and written
//     over any X-Forwarded-For the client sent, so rate limits cannot be dodged.
import { createServer } from "node:http";
import next from "next";
import { prepareEnv } from "./scripts/prepare-env.ts";

const dev = process.argv.includes("--dev");
const root = process.cwd();

async function main(): Promise<void> {
  prepareEnv(root, dev);
  const { env } = await import("./lib/env.ts");
  const { resolveClientAddress } = await import("./lib/auth/client-ip.ts");
  const { migrateConfiguredDatabase } = await import("./prisma/migrate-configured.ts");
  await migrateConfiguredDatabase().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw Object.assign(new Error(`Cannot prepare the database: ${reason}`), { name: "MigrationError" });
  });

  const app = next({ dev, dir: root, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  createServer((req, res) => {
    req.headers["x-forwarded-for"] = resolveClientAddress(
      req.headers["x-forwarded-for"]?.toString(),
      req.socket.remoteAddress,
      env.TRUSTED_PROXY_HOPS,
    );
    void handle(req, res);
  }).listen(env.PORT, env.HOST, () => {
    console.log(`Ready on http://${env.HOST}:${env.PORT} (${dev ? "development" : "production"})`);
  });
}

main().catch((error: unknown) => {
  // A configuration or migration problem: one line, no stack trace.
  const known = error instanceof Error && ["ConfigError", "MigrationError"].includes(error.name);
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
