// A real client's first run (issue 12, item 9): the OpenAPI document, converted by
// Postman's own converter as Postman's import does it, and the collection's happy path
// run by newman against `npm start`, with nothing added to the collection but the steps
// docs/api-clients.md asks of a Postman user. Its own server, on `npm start`'s default HOST
// (localhost) and fetched from 127.0.0.1, and its own database: the collection signs up
// the example user, whose email is the same on every run.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { convertV2 } from "openapi-to-postmanv2";
import { startServer, type ServerProcess } from "../support/server-process";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 14;

// The parts of a Postman collection (v2.1) that this spec reads or changes.
type Variable = { key: string; value: string };
type Request = {
  method: string;
  auth?: { type: string; bearer?: Variable[] };
  url: { query?: (Variable & { disabled?: boolean })[]; variable?: Variable[] };
  header?: Variable[];
  body?: { raw?: string };
};
type Item = { name: string; request: Request; event?: unknown[]; item?: never };
type Folder = { name: string; item: (Item | Folder)[] };
type Collection = { info: object; item: (Item | Folder)[]; variable?: Variable[] };

// The post-response scripts of docs/api-clients.md ("Import into Postman"), word for word.
const KEEP_TOKENS = [
  "const tokens = pm.response.json();",
  'pm.collectionVariables.set("bearerToken", tokens.access_token);',
  'pm.collectionVariables.set("refreshToken", tokens.refresh_token);',
];
const KEEP_ITEM = [
  'pm.collectionVariables.set("itemId", pm.response.json().id);',
  'pm.collectionVariables.set("itemEtag", pm.response.headers.get("ETag"));',
];

// The happy path, in order, by the requests' names (the operations' summaries), with the
// status each must answer.
const HAPPY_PATH: [string, number][] = [
  ["Liveness, including the database", 200],
  ["This OpenAPI document", 200],
  ["Create an account and log in", 201],
  ["Log in with email and password", 200],
  ["The logged-in user", 200],
  ["The caller's sessions", 200],
  ["Add an item", 201],
  ["Your items, a page at a time", 200],
  ["One of your items", 200],
  ["Change an item", 200],
  ["Exchange a refresh token for new tokens", 200],
  ["Delete an item", 204],
  ["End this session", 204],
];

let server: ServerProcess;
let workDir: string;

test.beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "jwt-items-newman-"));
  server = await startServer(PORT, { HOST: "localhost", PGLITE_DATA_DIR: "memory://" });
});

test.afterAll(async () => {
  await server?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function fetchDocument(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/openapi.json`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as { servers: { url: string }[] };
}

function convert(document: object): Promise<Collection> {
  return new Promise((resolve, reject) =>
    convertV2({ type: "json", data: document }, { parametersResolution: "Example" }, (error, result) => {
      const data = result?.output?.[0]?.data;
      if (error || !result?.result || !data) reject(new Error(error?.message ?? result?.reason ?? "no collection"));
      else resolve(data as Collection);
    }),
  );
}

function requests(items: (Item | Folder)[]): Item[] {
  return items.flatMap((item) => (item.item ? requests(item.item) : [item as Item]));
}

function named(collection: Collection, name: string): Item {
  const item = requests(collection.item).find((request) => request.name === name);
  if (!item) throw new Error(`The collection has no request named "${name}"`);
  return item;
}

const postResponse = (exec: string[]) => ({ listen: "test", script: { type: "text/javascript", exec } });

/** What docs/api-clients.md tells a Postman user to do after importing. */
function followTheReadme(collection: Collection): void {
  for (const name of ["Create an account and log in", "Log in with email and password", "Exchange a refresh token for new tokens"]) {
    named(collection, name).event = [postResponse(KEEP_TOKENS)];
  }
  for (const name of ["Add an item", "Change an item"]) named(collection, name).event = [postResponse(KEEP_ITEM)];
  for (const name of ["One of your items", "Change an item", "Delete an item"]) {
    const id = named(collection, name).request.url.variable?.find((variable) => variable.key === "id");
    if (!id) throw new Error(`"${name}" has no id path variable`);
    id.value = "{{itemId}}";
  }
  const ifMatch = named(collection, "Change an item").request.header?.find((header) => header.key === "If-Match");
  if (!ifMatch) throw new Error('"Change an item" has no If-Match header');
  ifMatch.value = "{{itemEtag}}";
  for (const name of ["Exchange a refresh token for new tokens", "End this session"]) {
    named(collection, name).request.body = { ...named(collection, name).request.body, raw: '{ "refresh_token": "{{refreshToken}}" }' };
  }
}

type Execution = { item: { name: string }; response?: { code: number; stream?: { data: number[] } } };

async function runNewman(collection: Collection): Promise<{ executions: Execution[]; output: string }> {
  const file = path.join(workDir, "collection.json");
  const report = path.join(workDir, "report.json");
  writeFileSync(file, JSON.stringify(collection));
  const args = ["node_modules/newman/bin/newman.js", "run", file, "--reporters", "cli,json", "--reporter-json-export", report, "--color", "off"];
  // newman exits 1 when a request fails to be sent: the report still says which.
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args).catch(
    (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
  );
  const { run } = JSON.parse(readFileSync(report, "utf8")) as { run: { executions: Execution[] } };
  return { executions: run.executions, output: stdout + stderr };
}

const bodyOf = (execution: Execution | undefined) =>
  JSON.parse(Buffer.from(execution?.response?.stream?.data ?? []).toString("utf8")) as Record<string, unknown>;

test("the document's server is the origin it was fetched from, whatever host the server listens on", async () => {
  expect(server.url).toBe(`http://127.0.0.1:${PORT}`);
  expect((await fetchDocument(server.url)).servers).toEqual([{ url: server.url, description: "This server" }]);
  expect((await fetchDocument(`http://localhost:${PORT}`)).servers[0]?.url).toBe(`http://localhost:${PORT}`);
  // A header any client can send does not name the server for the next one to import it.
  const forwarded = await fetchDocument(server.url, { "x-forwarded-host": "attacker.example" });
  expect(forwarded.servers[0]?.url).toBe(server.url);
});

test("the collection Postman's converter makes of the document runs its happy path with newman", async () => {
  test.setTimeout(90_000);
  const collection = await convert(await fetchDocument(server.url));
  expect(collection.variable).toContainEqual(expect.objectContaining({ key: "baseUrl", value: server.url }));

  // As imported: each request that needs a token carries its own bearer auth, and the
  // list sends every optional parameter, each with the document's example.
  const list = named(collection, "Your items, a page at a time").request;
  expect(list.auth).toEqual({ type: "bearer", bearer: [{ key: "token", value: "{{bearerToken}}" }] });
  expect(list.url.query?.map(({ key, disabled }) => ({ key, disabled }))).toEqual(
    ["limit", "cursor", "q", "sort"].map((key) => ({ key, disabled: false })),
  );
  const readme = readFileSync("docs/api-clients.md", "utf8");
  for (const line of [...KEEP_TOKENS, ...KEEP_ITEM]) expect(readme).toContain(line);

  followTheReadme(collection);
  const happyPath = { ...collection, item: HAPPY_PATH.map(([name]) => named(collection, name)) };
  const { executions, output } = await runNewman(happyPath);

  const answers = executions.map((execution) => [execution.item.name, execution.response?.code]);
  expect(answers, output).toEqual(HAPPY_PATH);
  const added = bodyOf(executions.find((execution) => execution.item.name === "Add an item"));
  const listed = bodyOf(executions.find((execution) => execution.item.name === "Your items, a page at a time"));
  expect(listed).toEqual({ items: [added], nextCursor: null });
});
