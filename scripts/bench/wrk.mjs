// Runs one load (one URL, one request shape, N connections, D seconds) and returns its
// numbers in one shape, whichever tool made them. wrk is the tool: a C client that
// costs the 2-core machine far less CPU than the servers it measures. The npm package
// autocannon (run through npx) is a fallback only for machines without wrk: it is
// itself Node and competes for the same cores, so its numbers are lower.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const LUA_DIR = path.join(import.meta.dirname, "lua");
// A slow answer under load is a latency to report, not a socket error: wrk's default
// timeout (2 s) would drop the slowest logins on the floor.
const TIMEOUT_SECONDS = 10;

/** wrk, or autocannon when wrk is missing (or BENCH_TOOL=autocannon, to try that path). */
export function loadTool() {
  const wrk = process.env.BENCH_TOOL === "autocannon" ? { error: true } : spawnSync("wrk", ["-v"], { encoding: "utf8" });
  if (!wrk.error) {
    const version = /wrk\s+(\S+)/.exec(`${wrk.stdout}${wrk.stderr}`)?.[1] ?? "";
    return { name: "wrk", version: `wrk ${version}`.trim() };
  }
  return { name: "autocannon", version: "autocannon@9 (npx)" };
}

/**
 * @param {object} load
 * @param {string} load.url
 * @param {string} load.method
 * @param {Record<string, string>} load.headers
 * @param {string | undefined} load.body   JSON text
 * @param {number} load.connections
 * @param {number} load.duration           seconds
 * @returns {Promise<{requests:number, durationS:number, rps:number, bytes:number,
 *   latencyMs:{p50:number,p90:number,p99:number,max:number,mean:number},
 *   errors:{connect:number,read:number,write:number,timeout:number,status:number}}>}
 */
export function runLoad(tool, load) {
  return tool.name === "wrk" ? runWrk(load) : runAutocannon(load);
}

let scriptDir;
/** The Lua script for a load: the body part when it sends one, then the JSON report. */
function wrkScript(withBody) {
  if (!scriptDir) {
    scriptDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-wrk-"));
    process.on("exit", () => fs.rmSync(scriptDir, { recursive: true, force: true }));
  }
  const file = path.join(scriptDir, withBody ? "body.lua" : "plain.lua");
  if (!fs.existsSync(file)) {
    const parts = [...(withBody ? ["request-body.lua"] : []), "report.lua"];
    fs.writeFileSync(file, parts.map((p) => fs.readFileSync(path.join(LUA_DIR, p), "utf8")).join("\n"));
  }
  return file;
}

async function runWrk(load) {
  const args = [
    "-t1", `-c${load.connections}`, `-d${load.duration}s`, "--latency",
    "--timeout", `${TIMEOUT_SECONDS}s`, "-s", wrkScript(load.body !== undefined),
    ...Object.entries(load.headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    load.url,
  ];
  const env = { ...process.env, BENCH_METHOD: load.method, BENCH_BODY: load.body ?? "" };
  const stdout = await capture("wrk", args, env);
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const raw = JSON.parse(line.slice("BENCH_RESULT ".length));
  const durationS = raw.duration_us / 1e6;
  const ms = (us) => round(us / 1000, 2);
  return {
    requests: raw.requests,
    durationS: round(durationS, 3),
    rps: round(raw.requests / durationS, 1),
    bytes: raw.bytes,
    latencyMs: {
      p50: ms(raw.latency_us.p50), p90: ms(raw.latency_us.p90), p99: ms(raw.latency_us.p99),
      max: ms(raw.latency_us.max), mean: ms(raw.latency_us.mean),
    },
    errors: raw.errors,
  };
}

async function runAutocannon(load) {
  const args = [
    "--yes", "autocannon@9", "--json", "--timeout", String(TIMEOUT_SECONDS),
    "-c", String(load.connections), "-d", String(load.duration), "-m", load.method,
    ...Object.entries(load.headers).flatMap(([name, value]) => ["-H", `${name}=${value}`]),
    ...(load.body !== undefined ? ["-H", "content-type=application/json", "-b", load.body] : []),
    load.url,
  ];
  const r = JSON.parse(await capture("npx", args, process.env));
  return {
    requests: r.requests.total,
    durationS: r.duration,
    rps: round(r.requests.total / r.duration, 1),
    bytes: r.throughput.total,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
    // wrk's rule, so both tools count the same thing: a status of 400 or more.
    errors: { connect: 0, read: r.errors - r.timeouts, write: 0, timeout: r.timeouts, status: r["4xx"] + r["5xx"] },
  };
}

const active = new Set();

/** Stops the loads still running (a signal sent to the bench alone does not reach them). */
export function stopLoads() {
  for (const child of active) child.kill("SIGTERM");
}

/** Runs a command, resolves with its stdout; rejects with its stderr when it fails. */
function capture(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    active.add(child);
    child.on("exit", () => active.delete(child));
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}: ${err.trim()}`));
    });
  });
}

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;
