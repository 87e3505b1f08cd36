// PostgreSQL refusing connections for real, on a server that a test may reconfigure: every
// route answers 503 with Retry-After (README: The API), never 500. Only with
// TEST_DATABASE_URL; the shapes themselves are tested on both databases in db-errors.test.ts.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/lib/db";
import { errorResponse } from "@/lib/http/error-response";
import { inNewProcess } from "../helpers/child-process";

const server = process.env.TEST_DATABASE_URL;
const suffix = randomBytes(4).toString("hex");
const closedDatabase = `edges_closed_${suffix}`;
const limitedRole = `edges_limited_${suffix}`;

async function onServer(sql: string, url = server): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const urlWith = (change: (url: URL) => void) => {
  const url = new URL(server ?? "postgres://localhost");
  change(url);
  return url.toString();
};

// Health, a login and the items list (read through the driver, not Prisma), in a process
// whose DATABASE_URL is the refusing one.
const THREE_ROUTES = `
  const { GET: health } = await import("./app/api/health/route.ts");
  const { GET: items } = await import("./app/api/items/route.ts");
  const { POST: login } = await import("./app/api/auth/login/route.ts");
  const { signAccessToken } = await import("./lib/auth/identity/jwt.ts");
  const token = await signAccessToken({ sub: crypto.randomUUID(), sid: crypto.randomUUID(), role: "user" });
  const json = { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" };
  const responses = [
    await health(new Request("http://localhost/api/health"), undefined),
    await login(new Request("http://localhost/api/auth/login", { method: "POST", headers: json,
      body: JSON.stringify({ email: "ada@example.com", password: "a long password" }) }), undefined),
    await items(new Request("http://localhost/api/items", { headers: { authorization: "Bearer " + token } }), undefined),
  ];
  const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, retryAfter: r.headers.get("retry-after"), code: (await r.json()).code })));
  setImmediate(() => process.exit(0));
  return answers;`;

const UNAVAILABLE = { status: 503, retryAfter: "5", code: "database_unavailable" };

describe.skipIf(!server)("PostgreSQL refusing connections", () => {
  beforeAll(async () => {
    await onServer(`CREATE DATABASE ${closedDatabase} WITH ALLOW_CONNECTIONS false`);
    // Superusers pass a role's connection limit; this role is an ordinary one.
    await onServer(`CREATE ROLE ${limitedRole} LOGIN CONNECTION LIMIT 0`);
  });

  afterAll(async () => {
    await onServer(`DROP DATABASE IF EXISTS ${closedDatabase}`);
    await onServer(`DROP ROLE IF EXISTS ${limitedRole}`);
  });

  it("answers 503 from every route when the database is not accepting connections (SQLSTATE 55000)", async () => {
    const url = urlWith((u) => (u.pathname = `/${closedDatabase}`));
    expect(await inNewProcess(THREE_ROUTES, { DATABASE_URL: url })).toEqual([UNAVAILABLE, UNAVAILABLE, UNAVAILABLE]);
  }, 30_000);

  it("answers 503 from every route when the server has too many connections (SQLSTATE 53300)", async () => {
    const url = urlWith((u) => (u.username = limitedRole));
    expect(await inNewProcess(THREE_ROUTES, { DATABASE_URL: url })).toEqual([UNAVAILABLE, UNAVAILABLE, UNAVAILABLE]);
  }, 30_000);

  it("answers 503 when an administrator ends the connection in the middle of a query (SQLSTATE 57P01)", async () => {
    const db = await getDb();
    const failure = (query: Promise<unknown>) => query.then(() => null, (error: unknown) => error);
    const running = [failure(db.$queryRaw`SELECT pg_sleep(30)`), failure(queryRows("SELECT pg_sleep(30)", []))];
    const { pathname } = new URL(process.env.DATABASE_URL ?? "");
    // Both sleepers of this file's database, once they have started.
    const terminate = `SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
      WHERE datname = '${pathname.slice(1)}' AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()`;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      for (let ended = 0; ended < 2; await new Promise((resolve) => setTimeout(resolve, 20))) {
        ended += (await client.query<{ ended: number }>(terminate)).rows[0]?.ended ?? 0;
      }
    } finally {
      await client.end();
    }
    for (const error of await Promise.all(running)) {
      expect(error).not.toBeNull();
      expect(errorResponse(error).status).toBe(503);
    }
  }, 30_000);
});
