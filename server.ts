// The entry of `npm start` and `npm run dev`: a thin Node server around Next.
// It exists for three things Next's own CLI cannot do for us:
//  1. first run with no setup: in embedded mode, a JWT secret is generated once into
//     .env.local (before any module reads the configuration);
//  2. configuration and migrations are checked before the port opens, so a bad
//     variable stops start-up with one line;
//  3. the client address is taken from the socket (or a trusted proxy hop) and written
//     over any X-Forwarded-For the client sent, so rate limits cannot be dodged.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import nextEnv from "@next/env";
import next from "next";

const dev = process.argv.includes("--dev");
const root = process.cwd();

function ensureEmbeddedSecret(): void {
  // Bootstrapping happens before lib/env exists for this process, so it peeks at the
  // two variables it needs; lib/env validates everything right after.
  if (process.env.DATABASE_URL || process.env.JWT_SECRET) return;
  const file = `${root}/.env.local`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (/^JWT_SECRET=/m.test(current)) return;
  const secret = randomBytes(48).toString("base64url");
  const separator = current === "" || current.endsWith("\n") ? "" : "\n";
  appendFileSync(file, `${separator}# Generated on first run for the embedded database.\nJWT_SECRET=${secret}\n`, {
    mode: 0o600,
  });
  process.env.JWT_SECRET = secret;
  console.log("Generated a JWT secret in .env.local");
}

async function main(): Promise<void> {
  nextEnv.loadEnvConfig(root, dev);
  ensureEmbeddedSecret();
  const { env } = await import("./lib/env.ts");
  const { resolveClientAddress } = await import("./lib/auth/client-ip.ts");
  const { migrateConfiguredDatabase } = await import("./prisma/migrate-configured.ts");
  await migrateConfiguredDatabase();

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
