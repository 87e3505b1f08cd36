// First-run setup that must happen before Next or lib/env read the configuration:
// Next's .env files are loaded, and in embedded mode (no DATABASE_URL, no JWT_SECRET) a
// random JWT secret is written once to .env.local, so `npm run build` and `npm start`
// need no setup. Run by `npm run build` (prebuild) and imported by server.ts.
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import nextEnv from "@next/env";

export function prepareEnv(root: string, dev: boolean): void {
  nextEnv.loadEnvConfig(root, dev, { info: () => {}, error: console.error });
  const file = `${root}/.env.local`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  // A secret is only the owner's to read, also in a file that was made before with the
  // usual 0644 (`mode` below applies only when the file is created).
  const hasSecret = /^JWT_SECRET=/m.test(current);
  if (hasSecret) chmodSync(file, 0o600);
  // lib/env validates everything right after; this only peeks at the two variables it needs.
  if (hasSecret || process.env.DATABASE_URL || process.env.JWT_SECRET) return;
  const secret = randomBytes(48).toString("base64url");
  const separator = current === "" || current.endsWith("\n") ? "" : "\n";
  appendFileSync(file, `${separator}# Generated on first run for the embedded database.\nJWT_SECRET=${secret}\n`, {
    mode: 0o600,
  });
  chmodSync(file, 0o600);
  process.env.JWT_SECRET = secret;
  console.log("Generated a JWT secret in .env.local");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  prepareEnv(process.cwd(), false);
}
