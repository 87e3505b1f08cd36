// What oversized request bodies cost the server: starts the production build
// (node dist/server.js, one worker on a throwaway embedded database), posts N bodies of
// SIZE bytes at once to /api/auth/login, and reports the worker's resident memory (RSS,
// from /proc) before and at its peak, with how the posts were answered and how long they
// took. Linux only. Run `npm run build` first.
//
//   node scripts/bench/body-memory.mjs [--posts 50] [--mb 10] [--chunked]
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "50" },
    mb: { type: "string", default: "10" },
    chunked: { type: "boolean", default: false },
    port: { type: "string", default: "3790" },
  },
});
const posts = Number(values.posts);
const size = Number(values.mb) * 1024 * 1024;
const port = Number(values.port);
const dataDir = `.data/body-memory-${port}`;
rmSync(dataDir, { recursive: true, force: true });

const primary = spawn(process.execPath, ["dist/server.js"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: "",
    PGLITE_DATA_DIR: dataDir,
    JWT_SECRET: "body-memory-secret-that-is-at-least-32-bytes",
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "ignore", "inherit"],
});

const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function waitUntilHealthy() {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

function post(body) {
  return new Promise((resolve) => {
    const started = Date.now();
    const headers = { "content-type": "application/json" };
    if (!values.chunked) headers["content-length"] = String(body.length);
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/auth/login", headers, agent: false });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, ms: Date.now() - started }));
    });
    // The server may answer and close before the whole body is sent.
    req.on("error", () => resolve({ status: "reset", ms: Date.now() - started }));
    // In 1 MiB writes, as a client streaming a file would.
    for (let offset = 0; offset < body.length; offset += 1024 * 1024) req.write(body.subarray(offset, offset + 1024 * 1024));
    req.end();
  });
}

try {
  await waitUntilHealthy();
  const worker = Number(execFileSync("pgrep", ["-P", String(primary.pid)], { encoding: "utf8" }).trim().split("\n")[0]);
  // Warm the login route, so its first compilation and allocation are not counted.
  for (let i = 0; i < 3; i++) await post(Buffer.from(JSON.stringify({ email: "a@example.com", password: "warm up please" })));
  await new Promise((r) => setTimeout(r, 1000));
  const before = rssOf(worker);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(worker))), 20);
  const body = Buffer.alloc(size, "a");
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: posts }, () => post(body)));
  const elapsed = Date.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  clearInterval(sampler);
  const statuses = {};
  for (const { status } of results) statuses[status] = (statuses[status] ?? 0) + 1;
  console.log(
    JSON.stringify({
      posts,
      bytesEach: size,
      transfer: values.chunked ? "chunked" : "content-length",
      workerRssBeforeMiB: Math.round(before),
      workerRssPeakMiB: Math.round(peak),
      workerRssAfterMiB: Math.round(rssOf(worker)),
      statuses,
      allAnsweredMs: elapsed,
      slowestMs: Math.max(...results.map((r) => r.ms)),
    }),
  );
} finally {
  primary.kill("SIGTERM");
  await new Promise((r) => primary.on("exit", r));
  rmSync(dataDir, { recursive: true, force: true });
}
