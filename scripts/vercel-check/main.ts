// `npm run vercel:check`: builds the app with Vercel's own CLI, offline, in a throwaway
// copy, and checks what Vercel would deploy (README, "Deploy on Vercel"; decision 0030).
// `-- --self-test`: proves that the check refuses a middleware needing Node (self-test.ts).
// `-- --keep`: leaves the copy and its build log in place and says where.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { buildEnv, stopBuild, vercelBuild } from "./build";
import { createThrowawayDatabase, migrationNames } from "./database";
import { checkMiddleware } from "./edge";
import { type Check, printReport } from "./report";
import { checkRouteFunctions, checkSecurityHeaders } from "./routes";
import { checkSecrets } from "./secrets";
import { importNodeOnlyCode, judgeSelfTest } from "./self-test";
import { documentedSettings, linkProject, makeWorkspace } from "./workspace";

const root = process.cwd();
const serverUrl = process.env.VERCEL_CHECK_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const keep = process.argv.includes("--keep");
const cleanups: Array<() => Promise<void>> = [];

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => console.error(error));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopBuild();
    void cleanUp().finally(() => process.exit(130));
  });
}

async function runCheck(change?: (repo: string) => Promise<void>): Promise<Check[]> {
  const workspace = await makeWorkspace(root);
  if (keep) console.log(`Keeping the copy: ${workspace.repo} (build log: ${workspace.dir}/build.log)`);
  else cleanups.push(workspace.remove);
  await change?.(workspace.repo);
  const database = await createThrowawayDatabase(serverUrl);
  cleanups.push(database.drop);
  const secrets = { JWT_SECRET: randomBytes(32).toString("hex"), SMTP_PASSWORD: randomBytes(12).toString("hex") };
  const databaseUrl = new URL(database.url);
  await linkProject(workspace.repo, {
    DATABASE_URL: database.url,
    DATABASE_URL_UNPOOLED: database.url,
    JWT_SECRET: secrets.JWT_SECRET,
    SMTP_URL: `smtp://vercel-check:${secrets.SMTP_PASSWORD}@smtp.example.invalid:587`,
    APP_ORIGIN: "https://vercel-check.example",
    // What Vercel's build sets itself: the app's configuration applies its Vercel rules.
    VERCEL: "1",
    VERCEL_ENV: "production",
  });
  console.log(`vercel build --yes --prod in ${workspace.repo} ...`);
  const build = await vercelBuild(workspace.repo, workspace.cliConfig, buildEnv(await documentedSettings(root)));
  const built: Check = { name: "vercel build --yes --prod succeeds", ok: build.ok, detail: `${build.seconds} s` };
  if (!build.ok) {
    console.log(build.log.split("\n").slice(-60).join("\n"));
    return [built];
  }
  const output = path.join(workspace.repo, ".vercel", "output");
  const [wanted, applied] = [await migrationNames(workspace.repo), await database.appliedMigrations()];
  const migrated = wanted.length > 0 && wanted.every((name) => applied.includes(name));
  return [
    built,
    { name: "the build migrated the database", ok: migrated, detail: `${applied.length} of ${wanted.length} migrations finished` },
    ...(await checkMiddleware(output, build.log)),
    await checkRouteFunctions(workspace.repo, output),
    await checkSecurityHeaders(workspace.repo, output),
    await checkSecrets(workspace.repo, output, {
      JWT_SECRET: secrets.JWT_SECRET,
      "SMTP_URL's password": secrets.SMTP_PASSWORD,
      "DATABASE_URL's password": decodeURIComponent(databaseUrl.password),
    }),
  ];
}

async function main(): Promise<number> {
  const started = Date.now();
  const selfTest = process.argv.includes("--self-test");
  const checks = await runCheck(selfTest ? importNodeOnlyCode : undefined);
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!selfTest) {
    printReport(`Vercel build check (${seconds} s)`, checks);
    return checks.every((check) => check.ok) ? 0 : 1;
  }
  printReport(`Vercel build check on a copy whose middleware imports Node-only code (${seconds} s)`, checks);
  const verdict = judgeSelfTest(checks);
  console.log(`\nself-test ${verdict.ok ? "passed" : "FAILED"}: ${verdict.message}`);
  return verdict.ok ? 0 : 1;
}

let status = 1;
try {
  status = await main();
} catch (error) {
  console.error(error);
} finally {
  await cleanUp();
}
process.exit(status);
