// A property-based fuzzer in the suite's own HTTP specs: thousands of requests generated
// from the OpenAPI document that the server serves (every path and method, half of them
// with a valid token), bent every way a client can bend them. The rules it holds the
// server to: no answer >= 500, every error problem+json with a code the document lists,
// and a healthy server afterwards (README: The API).
//
// FUZZ_RUNS sets the number of requests (default 5000; 1000 on PostgreSQL, CI's second
// pass); FUZZ_SEED replays a run. Its own server and database: the fuzzer signs up an
// account whenever one of its requests ends the last, and fails logins by the hundred,
// which would use up the rate limits that the other specs' server keeps in its database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { listedCodes, listOperations, readDocument } from "../support/fuzz/document";
import { groupFailures } from "../support/fuzz/report";
import { fuzz, newLive } from "../support/fuzz/run";
import { startServer, type ServerProcess } from "../support/server-process";

const postgres = process.env.E2E_DATABASE_URL;
const DATABASE = "jwt_items_e2e_fuzz";
const databaseUrl = postgres && Object.assign(new URL(postgres), { pathname: `/${DATABASE}` }).toString();
const runs = Number(process.env.FUZZ_RUNS ?? (postgres ? 1000 : 5000));
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const port = Number(process.env.E2E_PORT ?? 3100) + 20;

let server: ServerProcess | undefined;
let dataDir: string | undefined;

async function onPostgres(sql: string) {
  const client = new pg.Client({ connectionString: postgres });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (databaseUrl) {
    await onPostgres(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await onPostgres(`CREATE DATABASE ${DATABASE}`);
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), "jwt-items-fuzz-"));
  }
  server = await startServer(port, databaseUrl ? { DATABASE_URL: databaseUrl } : { PGLITE_DATA_DIR: dataDir! });
});

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (databaseUrl) await onPostgres(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

test(`${runs} requests generated from the OpenAPI document get no 5xx, and every error is problem+json with a listed code`, async () => {
  // About 100 requests a second on a busy machine, with room to spare.
  test.setTimeout(120_000 + runs * 60);
  const url = server!.url;
  console.log(`fuzz: ${runs} requests against ${databaseUrl ? "PostgreSQL" : "PGlite"}, FUZZ_SEED=${seed}`);
  const document = await readDocument(url);
  const operations = listOperations(document);
  const [first, other] = [await newLive(url), await newLive(url)];
  const state = { origin: url, live: first.live, itemIds: [first.itemId], otherItemId: other.itemId, otherSessionId: other.live.sessionId };
  const started = performance.now();
  const summary = await fuzz({ baseUrl: url, operations, codes: listedCodes(document), state, runs, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${summary.sent} sent in ${seconds} s (${summary.withValidToken} with a valid token, ${summary.unsent} refused by the client), ` +
      `statuses ${JSON.stringify(summary.statuses)}`,
  );

  // What the server logged of its own errors, to read beside the failures.
  const logged = server!.output().split("\n").filter((line) => /unhandled error|^\s+at |Error/.test(line)).slice(0, 30);
  expect(summary.failures.length, `${groupFailures(summary.failures, seed)}\n\nThe server logged:\n${logged.join("\n")}`).toBe(0);
  // The run did what it claims: nearly every request went out, half with a valid token,
  // and every operation of the document was tried both with and without one.
  expect(summary.sent + summary.failures.filter((f) => f.status === null).length).toBeGreaterThanOrEqual(runs * 0.99);
  expect(summary.withValidToken / summary.sent).toBeGreaterThan(0.4);
  const untried = Object.entries(summary.coverage).filter(([, c]) => c.valid === 0 || c.invalid === 0);
  expect(untried.map(([operation]) => operation)).toEqual([]);
  // And the server is still well afterwards.
  expect((await fetch(`${url}/api/health`)).status).toBe(200);
  expect(server!.child.exitCode).toBeNull();
});
