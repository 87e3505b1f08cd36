// Turns the rounds into medians, a table for the terminal and the results file.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { postgresVersion } from "./targets.mjs";

/** The comparisons the table shows: the app's req/s over each peer's. */
const PEERS_COMPARED = ["base", "flask", "raw", "raw2"];
/** The app under other settings, each compared the other way round: the variant's req/s over the app's. */
const VARIANTS = ["es256"];

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Each number is the median over the rounds (a 2-core machine drifts; medians resist one bad round). */
export function summarize(rounds) {
  const of = (pick) => Math.round(median(rounds.map(pick)) * 100) / 100;
  const sum = (pick) => rounds.reduce((total, r) => total + pick(r), 0);
  return {
    rps: of((r) => r.rps),
    p50: of((r) => r.latencyMs.p50),
    p90: of((r) => r.latencyMs.p90),
    p99: of((r) => r.latencyMs.p99),
    requests: sum((r) => r.requests),
    unexpected: sum((r) => r.unexpected),
    socketErrors: sum((r) => r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout),
  };
}

/** Rows in order, grouped by scenario and load (Map.groupBy needs Node 21). */
function groupByKey(rows) {
  const groups = new Map();
  for (const row of rows) groups.set(row.key, [...(groups.get(row.key) ?? []), row]);
  return groups;
}

/** Per scenario and load: the app's req/s divided by each peer's, and each variant's divided by the app's. */
export function ratios(rows) {
  return [...groupByKey(rows)].map(([key, group]) => {
    const rps = Object.fromEntries(group.map((row) => [row.target, row.median.rps]));
    const entry = { key };
    for (const peer of PEERS_COMPARED) {
      if (rps.app && rps[peer]) entry[`app/${peer}`] = Math.round((rps.app / rps[peer]) * 1000) / 1000;
    }
    for (const variant of VARIANTS) {
      if (rps.app && rps[variant]) entry[`${variant}/app`] = Math.round((rps[variant] / rps.app) * 1000) / 1000;
    }
    return entry;
  });
}

const COLUMNS = ["scenario", "target", "req/s", "p50 ms", "p99 ms", "unexpected", "socket err"];

/** One line per scenario and target, then the ratios of that scenario. */
export function printTable(rows, ratioRows) {
  const cells = [];
  for (const [key, group] of groupByKey(rows)) {
    group.forEach((row, i) => {
      const m = row.median;
      cells.push([i ? "" : key, row.target, m.rps.toFixed(1), m.p50.toFixed(1), m.p99.toFixed(1), String(m.unexpected), String(m.socketErrors)]);
    });
    const ratio = Object.entries(ratioRows.find((r) => r.key === key) ?? {}).filter(([name]) => name !== "key");
    const text = ratio.map(([name, value]) => `${name} ${value.toFixed(2)}x`).join("   ");
    if (text) cells.push(["", `req/s ratio: ${text}`]);
  }
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...cells.filter((c) => c.length > 2).map((c) => c[i].length)));
  const line = (c) => c.length > 2
    ? c.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")
    : `${"".padEnd(widths[0])}  ${c[1]}`;
  console.log(["", line(COLUMNS), ...cells.map(line), ""].join("\n"));
}

/** The machine the numbers came from: without it a results file cannot be compared. */
export function machineInfo(tool) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpuModel: cpus[0]?.model ?? null,
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: postgresVersion(),
    loadTool: tool.version,
  };
}

/** Which code was measured: the commit, whether the tree had changes, and the build. */
export function appInfo(root) {
  const git = (...args) => spawnSync("git", args, { cwd: root, encoding: "utf8" }).stdout?.trim() ?? "";
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const buildIdFile = path.join(root, ".next", "BUILD_ID");
  return {
    commit: git("rev-parse", "HEAD") || null,
    branch: git("rev-parse", "--abbrev-ref", "HEAD") || null,
    dirty: git("status", "--porcelain") !== "",
    buildId: fs.existsSync(buildIdFile) ? fs.readFileSync(buildIdFile, "utf8").trim() : null,
    startScript: pkg.scripts?.start ?? null,
    webConcurrency: process.env.WEB_CONCURRENCY ?? null,
  };
}

export function writeResults(file, results) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
