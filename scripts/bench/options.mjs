// The bench's options: flags first, then BENCH_* environment variables (handy in CI),
// then defaults. --smoke only changes the defaults, so `--smoke --duration 3` works.
import path from "node:path";
import { parseArgs } from "node:util";
import { SCENARIOS } from "./scenarios.mjs";

export const USAGE = `Usage: npm run bench -- [options]   (every option also as an environment variable)
  --duration S       seconds per load (BENCH_DURATION; default 10, --smoke 2)
  --rounds N         rounds, medians reported (BENCH_ROUNDS; default 2, --smoke 1)
  --warmup S         seconds of unrecorded load per scenario and target first (BENCH_WARMUP; default 2, --smoke 0)
  --scenarios LIST   ${SCENARIOS.map((s) => s.name).join(",")} (BENCH_SCENARIOS; default all)
  --targets LIST     app,base,es256,flask,raw,raw2 (BENCH_TARGETS; default app + the peers when ../shared/bench/peers, or BENCH_PEERS_DIR, exists;
                     base is the app built in the checkout BENCH_BASE_DIR names, e.g. a worktree of the commit to compare with;
                     es256 is this build again with JWT_ALG=ES256)
  --out FILE         results file (BENCH_OUT; default bench-results/<timestamp>.json)
  --label TEXT       a name for this run in the results file, e.g. "before" (BENCH_LABEL)
  --build            run \`npm run build\` even when .next/BUILD_ID exists
  --smoke            a short run for CI: 2 s, 1 round, no warm-up (BENCH_SMOKE=1)
WEB_CONCURRENCY is passed to the app's \`npm start\` when set.`;

export class UsageError extends Error {}

const FLAGS = {
  duration: { type: "string" }, rounds: { type: "string" }, warmup: { type: "string" },
  scenarios: { type: "string" }, targets: { type: "string" }, out: { type: "string" },
  label: { type: "string" }, build: { type: "boolean" }, smoke: { type: "boolean" }, help: { type: "boolean" },
};

/** The command line's flags; an unknown or malformed one is a usage error. */
function flags(argv) {
  try {
    return parseArgs({ args: argv, options: FLAGS }).values;
  } catch (error) {
    throw new UsageError(error.message);
  }
}

/** `root` is the project folder: the default results file goes under it. */
export function parseOptions(argv, env, root) {
  const values = flags(argv);
  const smoke = Boolean(values.smoke) || env.BENCH_SMOKE === "1";
  const number = (name, fallback, min) => {
    const raw = values[name] ?? env[`BENCH_${name.toUpperCase()}`];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}`);
    return n;
  };
  const list = (name) => (values[name] ?? env[`BENCH_${name.toUpperCase()}`])?.split(",").map((s) => s.trim()).filter(Boolean);
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
  return {
    help: Boolean(values.help),
    smoke,
    duration: number("duration", smoke ? 2 : 10, 1),
    rounds: number("rounds", smoke ? 1 : 2, 1),
    warmup: number("warmup", smoke ? 0 : 2, 0),
    scenarios: pickScenarios(list("scenarios")),
    targets: list("targets") ?? null,
    out: path.resolve(values.out ?? env.BENCH_OUT ?? path.join(root, "bench-results", `${stamp}.json`)),
    label: values.label ?? env.BENCH_LABEL ?? null,
    build: Boolean(values.build),
  };
}

function pickScenarios(names) {
  if (!names) return SCENARIOS;
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) throw new UsageError(`unknown scenario ${unknown.join(", ")}; known: ${SCENARIOS.map((s) => s.name).join(", ")}`);
  return SCENARIOS.filter((s) => names.includes(s.name));
}
