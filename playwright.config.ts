// Browser tests run against the production build served by `npm start` on a fresh
// embedded database. Debian's Chromium is used where installed (this project's CI
// machines cannot download Playwright's browsers); elsewhere Playwright's own.
import { existsSync, rmSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { outboxDir } from "./e2e/support/outbox";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// A second server whose access tokens live 3 seconds, for the "token expires while the
// page is open" test; its own database, so the two never share sessions.
const shortTtlPort = port + 1;
const shortTtlURL = `http://localhost:${shortTtlPort}`;
const systemChromium = "/usr/bin/chromium";
// Named by port, so two runs on different E2E_PORTs never wipe each other's database.
const dataDir = `.data/e2e-${port}`;
const shortTtlDataDir = `.data/e2e-${shortTtlPort}-short-ttl`;
// A third server for the HTTP API specs (e2e/api), with the production rate limits, on
// the embedded database or, with E2E_DATABASE_URL, on PostgreSQL. E2E_API_ONLY runs just
// those specs (CI runs them again on PostgreSQL).
const apiPort = port + 2;
const apiURL = `http://localhost:${apiPort}`;
const apiDataDir = `.data/e2e-${apiPort}-api`;
const apiOnly = !!process.env.E2E_API_ONLY;

// Each run starts from an empty database and empty outboxes (every server writes its mail
// as .eml files to its own, which e2e/support/outbox.ts reads). Playwright evaluates this
// file again in every worker process, after the servers have started: only the runner
// itself may wipe.
const isRunner = process.env.TEST_WORKER_INDEX === undefined;
if (isRunner && !process.env.E2E_REUSE_SERVER) {
  const outboxes = [port, shortTtlPort, apiPort].map(outboxDir);
  for (const dir of [dataDir, shortTtlDataDir, apiDataDir, ...outboxes]) rmSync(dir, { recursive: true, force: true });
}

const serverEnv = {
  NODE_ENV: "production",
  HOST: "localhost",
  DATABASE_URL: "",
  JWT_SECRET: "e2e-secret-that-is-at-least-32-bytes-long",
  BCRYPT_COST: "4",
  ADMIN_EMAILS: "admin@example.com",
  // Every test signs up from 127.0.0.1: the per-IP limits would stop the suite, while
  // the per-email login limit (5) stays as in production, for the 429 test.
  SIGNUP_MAX_PER_IP: "10000",
  LOGIN_MAX_FAILURES_PER_IP: "10000",
};

function server(serverPort: number, env: Record<string, string>) {
  const url = `http://localhost:${serverPort}`;
  return {
    command: "node dist/server.js",
    url: `${url}/api/health`,
    reuseExistingServer: !!process.env.E2E_REUSE_SERVER,
    timeout: 120_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { ...serverEnv, PORT: String(serverPort), MAIL_OUTBOX_DIR: outboxDir(serverPort), ...env },
  };
}

const browserProjects = [
  {
    name: "chromium",
    testIgnore: [/token-expiry\.spec\.ts/, /api\//],
    use: { ...devices["Desktop Chrome"] },
  },
  {
    name: "short-ttl",
    testMatch: /token-expiry\.spec\.ts/,
    use: { ...devices["Desktop Chrome"], baseURL: shortTtlURL },
  },
];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...(existsSync(systemChromium)
      ? {
          launchOptions: {
            executablePath: systemChromium,
            args: [
              "--no-sandbox",
              "--disable-gpu",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--no-first-run",
              "--disable-quic",
            ],
          },
        }
      : {}),
  },
  projects: [
    ...(apiOnly ? [] : browserProjects),
    { name: "api", testMatch: /api\/.*\.spec\.ts/, use: { baseURL: apiURL } },
  ],
  webServer: [
    ...(apiOnly
      ? []
      : [
          // The app's own server names a security contact; the API server below does not.
          server(port, { PGLITE_DATA_DIR: dataDir, SECURITY_CONTACT: "security@example.com" }),
          server(shortTtlPort, { PGLITE_DATA_DIR: shortTtlDataDir, ACCESS_TOKEN_TTL: "3" }),
        ]),
    server(apiPort, {
      PGLITE_DATA_DIR: apiDataDir,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      SIGNUP_MAX_PER_IP: "10",
      LOGIN_MAX_FAILURES_PER_IP: "30",
    }),
  ],
});
