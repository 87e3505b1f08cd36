// `npm run bench`: the app's speed on its hot paths, measured beside its peers
// (../shared/bench/peers) in one interleaved run. On a shared 2-core machine absolute
// numbers drift from run to run; the ratios between targets of the same run are what
// mean something. This is not a test: it fails only when something broke (a target did
// not start, a load got statuses it did not expect), never on the numbers.
// See docs/benchmarks.md. Plain Node, so it runs before and without any compile step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { USAGE, UsageError, parseOptions } from "./options.mjs";
import { appInfo, machineInfo, printTable, ratios, summarize, writeResults } from "./report.mjs";
import { probe, requestFor, statusMatches, unexpectedResponses } from "./scenarios.mjs";
import { seedTarget } from "./seed.mjs";
import { sleep, startTarget, stopAll, targetCatalog } from "./targets.mjs";
import { loadTool, runLoad, stopLoads } from "./wrk.mjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const PEERS_DIR = process.env.BENCH_PEERS_DIR ?? path.resolve(ROOT, "..", "shared", "bench", "peers");
// Lets the previous load's last requests drain before the next target is measured.
const SETTLE_MS = 500;

/** The targets to run, in the catalog's order (app first, so the table reads the same each time). */
function pickTargets(requested, catalog) {
  const peersPresent = fs.existsSync(PEERS_DIR);
  const names = requested ?? ["app", ...(peersPresent ? ["flask", "raw"] : [])];
  for (const name of names) {
    if (!catalog[name]) throw new UsageError(`unknown target ${name}; known: ${Object.keys(catalog).join(", ")}`);
    if (catalog[name].peer && name !== "base" && !peersPresent) throw new UsageError(`target ${name} needs the peers in ${PEERS_DIR}, which does not exist`);
  }
  return Object.keys(catalog).filter((name) => names.includes(name));
}

/** The bench measures the production build; it makes one only when there is none (or on --build). */
function ensureBuild(force) {
  if (!force && fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.log(force ? "Building (--build): npm run build" : "No production build (.next/BUILD_ID): npm run build");
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("npm run build failed");
}

/** Starts every target at once (start-up is mostly waiting), then seeds each. */
async function startTargets(names, catalog, logDir) {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const servers = await Promise.all(names.map(async (name) => {
    const server = await startTarget(name, catalog[name], logDir);
    console.log(`  ${name.padEnd(6)} ${server.url}  ${catalog[name].describe}  (ready after ${seconds()})`);
    return server;
  }));
  for (const server of servers) server.session = await seedTarget(server);
  console.log(`  seeded a user and a page of items on each (${seconds()})`);
  return servers;
}

/**
 * Runs one scenario on one target: each load is probed once (a wrong status stops the
 * scenario there), then all its loads run at the same time. Returns one result per
 * load, or null after recording why it could not run.
 */
async function runScenario(scenario, server, duration, tool, problems) {
  const requests = await Promise.all(scenario.loads.map((load) => requestFor(load, server, server.session)));
  const probes = [];
  for (const [i, load] of scenario.loads.entries()) {
    const answer = await probe(requests[i]);
    if (!statusMatches(answer.status, load.expect)) {
      problems.push(`${loadKey(scenario, load)} on ${server.name}: ${load.method} ${load.path} answered ${answer.status}, expected ${load.expect}`);
      return null;
    }
    probes.push(answer);
  }
  const results = await Promise.all(scenario.loads.map((load, i) =>
    runLoad(tool, { ...requests[i], connections: load.connections, duration })));
  await sleep(SETTLE_MS);
  return results.map((result, i) => ({
    round: { ...result, unexpected: unexpectedResponses(result, scenario.loads[i].expect) },
    probe: probes[i],
  }));
}

/**
 * Round after round, scenario after scenario, every target in turn (in reverse order every
 * other round): drift hits all of them alike.
 */
async function measure(options, servers, tool, catalog) {
  const rows = new Map();
  const problems = [];
  const plan = options.scenarios.map((scenario) => ({
    scenario,
    // The app-only scenarios run on every target that is the app (base, es256 too), to compare.
    servers: servers.filter((s) => !scenario.appOnly || catalog[s.name].pages),
  })).filter((step) => step.servers.length);
  if (options.warmup) {
    console.log(`\nWarm-up: ${options.warmup} s per scenario and target (not recorded)`);
    for (const { scenario, servers: on } of plan) {
      for (const server of on) await runScenario(scenario, server, options.warmup, tool, []);
    }
  }
  for (let round = 1; round <= options.rounds; round++) {
    console.log(`\nRound ${round}/${options.rounds}, ${options.duration} s per load`);
    for (const { scenario, servers: on } of plan) {
      // Every other round the other way round: drift within a round favours no target.
      for (const server of round % 2 ? on : [...on].reverse()) {
        const results = await runScenario(scenario, server, options.duration, tool, problems);
        results?.forEach((result, i) => record(rows, scenario, scenario.loads[i], server.name, result, problems));
      }
    }
  }
  return { rows: [...rows.values()], problems };
}

/** "items", or "storm reads" for a scenario of several loads. */
const loadKey = (scenario, load) => (load.label ? `${scenario.name} ${load.label}` : scenario.name);

function record(rows, scenario, load, target, { round, probe }, problems) {
  const key = loadKey(scenario, load);
  const id = `${key}|${target}`;
  if (!rows.has(id)) {
    rows.set(id, {
      key, scenario: scenario.name, load: load.label || null, target,
      method: load.method, path: load.path, connections: load.connections, expect: load.expect,
      bodyBytes: probe.bodyBytes, rounds: [],
    });
  }
  rows.get(id).rounds.push(round);
  const l = round.latencyMs;
  const flag = round.unexpected ? `  UNEXPECTED ${round.unexpected}` : "";
  console.log(`  ${key.padEnd(13)} ${target.padEnd(6)} ${round.rps.toFixed(1).padStart(9)} req/s  p50 ${l.p50.toFixed(1).padStart(7)} ms  p99 ${l.p99.toFixed(1).padStart(7)} ms${flag}`);
  if (round.unexpected) problems.push(`${key} on ${target}: ${round.unexpected} of ${round.requests} responses had an unexpected status (expected ${load.expect})`);
}

/** The lines under the table that the table cannot say. */
function notes(rows) {
  const lines = [];
  const bare = rows.find((r) => r.scenario === "bare");
  if (bare) lines.push(`bare: GET ${bare.path} sends ${(bare.bodyBytes / 1024).toFixed(1)} KiB of body per response.`);
  const storm = rows.filter((r) => r.key === "storm reads");
  if (storm.length) lines.push(`storm: reads p99 during logins (goal < 50 ms): ${storm.map((r) => `${r.target} ${r.median.p99.toFixed(1)} ms`).join(", ")}.`);
  return lines;
}

async function main() {
  const options = parseOptions(process.argv.slice(2), process.env, ROOT);
  if (options.help) return console.log(USAGE);
  const catalog = targetCatalog(ROOT, PEERS_DIR);
  const names = pickTargets(options.targets, catalog);
  ensureBuild(options.build);
  const tool = loadTool();
  const logDir = path.join(ROOT, "bench-results", "logs");
  fs.mkdirSync(logDir, { recursive: true });

  console.log(`Starting ${names.join(", ")} (logs in ${path.relative(ROOT, logDir)}/); load tool: ${tool.version}`);
  // Before the load: the load average says how busy the machine was, and the code
  // measured is the code of now, not of whatever is edited while the bench runs.
  const machine = machineInfo(tool);
  const app = appInfo(ROOT);
  const servers = await startTargets(names, catalog, logDir);
  const { rows, problems } = await measure(options, servers, tool, catalog);
  await stopAll();

  for (const row of rows) row.median = summarize(row.rounds);
  const ratioRows = ratios(rows);
  printTable(rows, ratioRows);
  for (const line of notes(rows)) console.log(line);
  writeResults(options.out, {
    label: options.label,
    machine,
    app,
    options: { ...options, scenarios: options.scenarios.map((s) => s.name), targets: names, out: undefined, help: undefined },
    targets: Object.fromEntries(servers.map((s) => [s.name, { describe: catalog[s.name].describe, env: s.env }])),
    scenarios: options.scenarios.map(({ name, what, appOnly, loads }) => ({ name, what, appOnly: Boolean(appOnly), loads })),
    results: rows,
    ratios: ratioRows,
    problems,
  });
  console.log(`\nResults: ${path.relative(process.cwd(), options.out)}`);
  if (problems.length) {
    console.error(`\nSomething did not answer as expected:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    process.exitCode = 1;
  }
}

let stopping = false;
// The servers run in their own process groups, out of reach of the terminal's Ctrl-C: stop them here.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping the servers`);
    stopLoads();
    await stopAll();
    process.exit(130);
  });
}

main().catch(async (error) => {
  if (stopping) return;
  stopping = true;
  console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : `bench: ${error.message}`);
  await stopAll();
  process.exit(error instanceof UsageError ? 2 : 1);
});
