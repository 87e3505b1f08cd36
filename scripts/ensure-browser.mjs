// Makes sure the browser tests have a Chromium before they start, so `npm test` works on a
// fresh machine: Debian's /usr/bin/chromium or Playwright's own, if either is there; else
// Playwright's download, where its CDN is reachable; else Debian's package, when running
// as root with apt-get; else one line saying what to install. Run by `npm run test:e2e`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// The same path playwright.config.ts prefers.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

const found = () => existsSync(SYSTEM_CHROMIUM) || existsSync(chromium.executablePath());
const run = (command, args, timeout) =>
  spawnSync(command, args, { stdio: "inherit", timeout, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;

if (!found()) {
  console.log("No Chromium for the browser tests yet: trying Playwright's download.");
  run("npx", ["playwright", "install", "chromium"], 5 * 60_000);
}
if (!found() && process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
  console.log("Playwright's download is not reachable: installing Debian's chromium with apt-get.");
  run("apt-get", ["update", "-qq"], 5 * 60_000);
  run("apt-get", ["install", "-y", "-qq", "chromium"], 10 * 60_000);
}
if (!found()) {
  console.error(
    "No Chromium for the browser tests: install Debian's (sudo apt-get install chromium) or Playwright's (npx playwright install chromium), then run npm test again.",
  );
  process.exit(1);
}
