// Two server instances on one PostgreSQL database, as behind a load balancer: a session
// revoked through one is refused by the other at the very next request, from its
// in-memory revocation view, and still when that view's notifications stop arriving.
// PostgreSQL only: the embedded database belongs to one process.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signUp, startServer, type ServerProcess } from "../support/server-process";

// Its own database beside E2E_DATABASE_URL's: the other specs' rate-limit counters live
// in theirs, and these sign up many users from one address.
const serverUrl = process.env.E2E_DATABASE_URL;
const databaseUrl = serverUrl && Object.assign(new URL(serverUrl), { pathname: "/jwt_items_e2e_two_instances" }).toString();
const base = Number(process.env.E2E_PORT ?? 3100) + 11;
test.skip(!databaseUrl, "needs PostgreSQL (E2E_DATABASE_URL): two instances cannot share the embedded database");

let a: ServerProcess;
let b: ServerProcess;

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

test.beforeAll(async () => {
  await onServer("DROP DATABASE IF EXISTS jwt_items_e2e_two_instances WITH (FORCE)");
  await onServer("CREATE DATABASE jwt_items_e2e_two_instances");
  const env = { DATABASE_URL: databaseUrl!, WEB_CONCURRENCY: "1" };
  [a, b] = await Promise.all([startServer(base, env), startServer(base + 1, env)]);
});
test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await onServer("DROP DATABASE IF EXISTS jwt_items_e2e_two_instances WITH (FORCE)");
});

const itemsOn = (server: ServerProcess, token: string) =>
  fetch(`${server.url}/api/items`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

const logOutOn = (server: ServerProcess, refreshToken: string) =>
  fetch(`${server.url}/api/auth/logout`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: refreshToken }),
  }).then((r) => r.status);

/** The session id inside an access token (its payload is not secret, only signed). */
const sessionOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as { sid: string }).sid;

test("a logout answered by one instance is refused by the other at its next request, every time", async () => {
  // A listener of this test's own stands in for a third instance: it times each delivery.
  const listener = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  const heard = new Map<string, { at: number; delivery: number }>();
  listener.on("notification", ({ payload }) => {
    const [sid, stamp] = (payload ?? "").split(" ");
    if (sid) heard.set(sid, { at: performance.timeOrigin + performance.now(), delivery: Date.now() - Number(stamp) });
  });
  await listener.query("LISTEN session_revoked");
  const { accessToken } = await signUp(a.url);
  expect(await itemsOn(b, accessToken)).toBe(200);
  // Give B's view a moment to be in sync, so what is tested is the view, not the fallback.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const answered = new Map<string, number>();
  for (let i = 0; i < 20; i++) {
    const session = await signUp(a.url);
    expect(await itemsOn(b, session.accessToken)).toBe(200);
    expect(await logOutOn(a, session.refreshToken)).toBe(204);
    answered.set(sessionOf(session.accessToken), performance.timeOrigin + performance.now());
    expect(await itemsOn(b, session.accessToken)).toBe(401);
  }
  // Every revocation reached the third listener too.
  await expect.poll(() => [...answered.keys()].filter((sid) => heard.has(sid)).length).toBe(20);
  await listener.end();
  const deliveries = [...answered.keys()].map((sid) => heard.get(sid)!.delivery).sort((x, y) => x - y);
  const leads = [...answered].map(([sid, at]) => at - heard.get(sid)!.at).sort((x, y) => x - y);
  console.log(
    `revocation delivery, trigger to a listener: median ${deliveries[10]} ms, max ${deliveries.at(-1)} ms; ` +
      `heard before the logout's answer reached the client by median ${leads[10]!.toFixed(1)} ms (least ${leads[0]!.toFixed(1)} ms)`,
  );
});

test("when the other instance's notifications stop, it notices and reads the session row", async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE application_name = $1",
    [`jwt-items:${base + 1} notifications`],
  );
  expect(rows).toHaveLength(1);
  const pid = String(rows[0]!.pid);
  const session = await signUp(a.url);
  expect(await itemsOn(b, session.accessToken)).toBe(200);
  // The listener's server process stops: B's connection stays open, silent, error-free.
  execFileSync("kill", ["-STOP", pid]);
  try {
    // The heartbeat notices within 1.75 s.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await logOutOn(a, session.refreshToken)).toBe(204);
    expect(await itemsOn(b, session.accessToken)).toBe(401);
  } finally {
    execFileSync("kill", ["-CONT", pid]);
    await client.end();
  }
  expect(b.output()).toContain("Revocation listener lost");
});
