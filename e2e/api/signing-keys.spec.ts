// Signing keys under a real `npm start` with JWT_ALG=ES256 (docs/decisions/0037-signing-keys.md):
// the server tells the edge middleware which kids are published (x-jwt-items-kids) and a
// client cannot; a key revoked by `npm run keys:revoke`, a process of its own, is refused by
// the middleware at the next request, on one instance and on two, also when an instance's
// key listener has gone quiet. The revocations need PostgreSQL: `keys:revoke` cannot open
// the embedded database while `npm start` holds it.
import { execFile, execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { SERVER_ENV, signUp, startServer, type ServerProcess } from "../support/server-process";

const KIDS_HEADER = "x-jwt-items-kids";
const serverUrl = process.env.E2E_DATABASE_URL;
const DATABASE = "jwt_items_e2e_signing_keys";
const databaseUrl = serverUrl && Object.assign(new URL(serverUrl), { pathname: `/${DATABASE}` }).toString();
const base = Number(process.env.E2E_PORT ?? 3100) + 16;
const dataDir = `.data/e2e-${base}-keys`;
const ES256 = { JWT_ALG: "ES256", WEB_CONCURRENCY: "1" };

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function freshDatabase(): Promise<Record<string, string>> {
  if (databaseUrl) {
    await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await onServer(`CREATE DATABASE ${DATABASE}`);
    return { DATABASE_URL: databaseUrl };
  }
  rmSync(dataDir, { recursive: true, force: true });
  return { PGLITE_DATA_DIR: dataDir };
}

async function dropDatabase() {
  if (databaseUrl) await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  else rmSync(dataDir, { recursive: true, force: true });
}

/** `npm run keys:revoke <kid>`, run as an operator would: its own process, the same database. */
async function revoke(kid: string): Promise<string> {
  const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "keys:revoke", kid], {
    env: { ...process.env, ...SERVER_ENV, ...ES256, DATABASE_URL: databaseUrl! },
  });
  return stdout;
}

const header = (token: string): { kid: string; alg: string } =>
  JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()) as { kid: string; alg: string };

/** GET /api/items with the token; `extra` headers as a client sends them. */
const apiStatus = (server: ServerProcess, token: string, extra: Record<string, string> = {}) =>
  fetch(`${server.url}/api/items`, { headers: { authorization: `Bearer ${token}`, ...extra } }).then((r) => r.status);

type PageAnswer = { status: number; location: string | null; byMiddleware: boolean };

/**
 * GET /items signed in by the cookie. A refusal by the middleware is its own redirect: an
 * absolute Location, and none of the CSP the middleware puts on every page it lets
 * through; the page's own refusal (requirePageCaller) comes after the middleware let it
 * through, so it carries that CSP. The control in the tests below checks the difference.
 */
async function page(server: ServerProcess, token: string, extra: Record<string, string> = {}): Promise<PageAnswer> {
  const response = await fetch(`${server.url}/items`, { headers: { cookie: `access_token=${token}`, ...extra }, redirect: "manual" });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  return { status: response.status, location, byMiddleware: !response.headers.has("content-security-policy") };
}

const logOut = (server: ServerProcess, refreshToken: string) =>
  fetch(`${server.url}/api/auth/logout`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: refreshToken }),
  }).then((r) => r.status);

/** The middleware's refusal of a signed-in page: to the login page, before any page code ran. */
function expectRefusedByMiddleware(answer: PageAnswer) {
  expect(answer.status).toBe(307);
  expect(answer.location).toMatch(/\/login\?next=%2Fitems$/);
  expect(answer.byMiddleware).toBe(true);
}

test.describe("one instance", () => {
  let server: ServerProcess;
  test.beforeAll(async () => {
    server = await startServer(base, { ...(await freshDatabase()), ...ES256 });
  });
  test.afterAll(async () => {
    await server?.stop();
    await dropDatabase();
  });

  test("the middleware's refusal and the page's own can be told apart (the other tests rely on it)", async () => {
    const session = await signUp(server.url);
    const passed = await page(server, session.accessToken);
    expect(passed.status).toBe(200);
    expect(passed.byMiddleware).toBe(false);
    // A valid signature, an ended session: the middleware lets it through, the page refuses it.
    expect(await logOut(server, session.refreshToken)).toBe(204);
    const byPage = await page(server, session.accessToken);
    expect(byPage.status).toBe(307);
    expect(byPage.byMiddleware).toBe(false);
    // A signature no key made: the middleware refuses it.
    const [head, body] = session.accessToken.split(".");
    expectRefusedByMiddleware(await page(server, `${head}.${body}.${"A".repeat(86)}`));
  });

  test("the server tells the middleware the published kids, and a client's own x-jwt-items-kids never reaches it", async () => {
    const { accessToken } = await signUp(server.url);
    expect(header(accessToken).alg).toBe("ES256");
    // Were the client's list passed on, the middleware would refuse a kid missing from it
    // (or fetch the JWKS again for each new list): the token is valid, so any refusal is that.
    for (const claimed of ["not-a-kid", "", `${header(accessToken).kid}x`, "a,b,c"]) {
      expect(await apiStatus(server, accessToken, { [KIDS_HEADER]: claimed }), `header ${JSON.stringify(claimed)}`).toBe(200);
      const answer = await page(server, accessToken, { [KIDS_HEADER]: claimed });
      expect(answer.status, `header ${JSON.stringify(claimed)}`).toBe(200);
    }
  });

  test("a key revoked by npm run keys:revoke is refused by the middleware at the next request, whatever kids the client claims", async () => {
    test.skip(!databaseUrl, "keys:revoke cannot open the embedded database while npm start holds it: PostgreSQL only");
    const { accessToken } = await signUp(server.url);
    const { kid } = header(accessToken);
    expect(await apiStatus(server, accessToken)).toBe(200);
    expect((await page(server, accessToken)).status).toBe(200);

    expect(await revoke(kid)).toContain(`Revoked ${kid}`);
    // No restart, no waiting: the middleware refuses the page, the API refuses the request.
    expectRefusedByMiddleware(await page(server, accessToken));
    expect(await apiStatus(server, accessToken)).toBe(401);
    // A client naming the revoked kid as published cannot keep it alive at the edge.
    expectRefusedByMiddleware(await page(server, accessToken, { [KIDS_HEADER]: kid }));
    expect(await apiStatus(server, accessToken, { [KIDS_HEADER]: kid })).toBe(401);

    // The key that signs now, made by the revocation, works at once.
    const next = await signUp(server.url);
    expect(header(next.accessToken).kid).not.toBe(kid);
    expect(await apiStatus(server, next.accessToken)).toBe(200);
    expect((await page(server, next.accessToken)).status).toBe(200);
  });
});

test.describe("two instances", () => {
  test.skip(!databaseUrl, "needs PostgreSQL (E2E_DATABASE_URL): two instances cannot share the embedded database");
  let a: ServerProcess;
  let b: ServerProcess;
  test.beforeAll(async () => {
    const database = await freshDatabase();
    // One first, so that one key exists before the second starts (else each may make one).
    a = await startServer(base + 1, { ...database, ...ES256 });
    b = await startServer(base + 2, { ...database, ...ES256 });
  });
  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dropDatabase();
  });

  test("a key revoked by npm run keys:revoke is refused by both instances' middleware and handlers at once", async () => {
    const { accessToken } = await signUp(a.url);
    const { kid } = header(accessToken);
    for (const server of [a, b]) {
      expect(await apiStatus(server, accessToken)).toBe(200);
      expect((await page(server, accessToken)).status).toBe(200);
    }
    await revoke(kid);
    for (const server of [b, a]) {
      expectRefusedByMiddleware(await page(server, accessToken));
      expect(await apiStatus(server, accessToken)).toBe(401);
    }
  });

  test("when an instance's key notifications stop, it notices, and a revocation announced while nobody listened is refused", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE application_name = $1",
      [`jwt-items:${base + 2} signing keys`],
    );
    expect(rows).toHaveLength(1);
    const pid = String(rows[0]!.pid);
    const { accessToken } = await signUp(a.url);
    const { kid } = header(accessToken);
    expect(await apiStatus(b, accessToken)).toBe(200);
    expect((await page(b, accessToken)).status).toBe(200);
    // B's listening connection stops on the server: open, silent, error-free. The
    // revocation's notification, sent at once, never reaches B through it. (The column set
    // directly, as keys:revoke does, so that it lands before B can notice anything.)
    execFileSync("kill", ["-STOP", pid]);
    try {
      await client.query("UPDATE signing_keys SET revoked_at = now() WHERE kid = $1", [kid]);
      // The heartbeat notices within 1.75 s; B then reads the set per request, and again
      // when it listens on a new connection.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expectRefusedByMiddleware(await page(b, accessToken));
      expect(await apiStatus(b, accessToken)).toBe(401);
    } finally {
      execFileSync("kill", ["-CONT", pid]);
      await client.end();
    }
    expect(b.output()).toContain("Signing-key listener lost");
    // Listening again, on a new connection, and still refusing the key.
    await expect.poll(() => b.output().includes("Signing-key listener is back"), { timeout: 10_000 }).toBe(true);
    expectRefusedByMiddleware(await page(b, accessToken));
    expect(await apiStatus(b, accessToken)).toBe(401);
  });
});
