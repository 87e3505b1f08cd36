// The README's walk-through with curl ("A walk-through with curl"), read from the README and
// run line by line by bash against an `npm start` of its own, every answer checked:
// what an API client (curl, a script, a mobile app) sees, with bearer tokens and JSON bodies
// only. The lines are the README's own, so the page cannot drift from what the server does.
// The test changes only what the README asks a reader to choose: the server's address and
// the two email addresses (fresh ones, so that a reused database never holds them). It reads
// mail as the README says, `npm run -s outbox` from the repository's folder, with
// MAIL_OUTBOX_DIR naming this server's outbox. Its own server, on a fresh database (embedded,
// or a PostgreSQL database of its own under E2E_DATABASE_URL), with the production limits: a
// reader runs the walk-through on a server nobody else used, while the `api` project's server
// has seen other specs lock 127.0.0.1 out of logins on purpose (client-address.spec.ts).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { tmpdir } from "node:os";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { simpleParser } from "mailparser";
import pg from "pg";
import { startServer, type ServerProcess } from "../support/server-process";

const HEADING = "### A walk-through with curl";

/** The commands of the README's walk-through: continued lines joined, comment and blank lines left out. */
function readmeCommands(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.split(`\n${HEADING}\n`)[1];
  const block = section && /```sh\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block) throw new Error(`README.md has no sh block under "${HEADING}"`);
  const commands: string[] = [];
  let current = "";
  for (const line of block.split("\n")) {
    if (current === "" && (line.trim() === "" || line.trimStart().startsWith("#"))) continue;
    current += current === "" ? line : `\n${line}`;
    if (!line.endsWith("\\")) {
      commands.push(current);
      current = "";
    }
  }
  return commands;
}

type Answer = { stdout: string; stderr: string; status: number };

/** One bash process for the whole walk-through, as a reader's terminal: variables and functions carry over. */
class Terminal {
  private readonly bash: ChildProcessWithoutNullStreams;
  private stdout = "";
  private stderr = "";

  constructor(env: Record<string, string>) {
    this.bash = spawn("bash", ["--noprofile", "--norc"], { env: { ...process.env, ...env } });
    this.bash.stdout.on("data", (chunk) => (this.stdout += chunk));
    this.bash.stderr.on("data", (chunk) => (this.stderr += chunk));
  }

  /** Types one command and waits for its prompt to come back; its exit status rides on a marker line. */
  async run(command: string, timeout = 20_000): Promise<Answer> {
    const marker = `__done_${randomUUID()}__`;
    this.stdout = "";
    this.stderr = "";
    this.bash.stdin.write(`${command}\nprintf '\\n%s %d\\n' ${marker} $?\n`);
    const deadline = Date.now() + timeout;
    for (;;) {
      const done = new RegExp(`\\n${marker} (\\d+)\\n$`).exec(this.stdout);
      if (done) return { stdout: this.stdout.slice(0, done.index), stderr: this.stderr, status: Number(done[1]) };
      if (Date.now() > deadline) throw new Error(`No answer within ${timeout} ms to:\n${command}\n${this.stdout}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** A shell variable's value, as `echo "$NAME"` would show it. */
  async variable(name: string): Promise<string> {
    return (await this.run(`printf '%s' "$${name}"`)).stdout;
  }

  close(): void {
    this.bash.stdin.end();
    this.bash.kill();
  }
}

/** Waits until the outbox's newest mail is one to `to` holding a `page#token=` link, and gives that token. */
async function newestMailToken(dir: string, to: string, page: string, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let seen = "no mail";
  for (;;) {
    const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith(".eml")).sort();
    const newest = files.at(-1);
    if (newest) {
      const mail = await simpleParser(await readFile(path.join(dir, newest)));
      const token = new RegExp(`${page}#token=([\\w-]+)`).exec(mail.text ?? "")?.[1];
      if (mail.to && [mail.to].flat().some((address) => address.value.some((v) => v.address === to)) && token) return token;
      seen = `"${mail.subject}" to ${[mail.to].flat().map((address) => address?.text).join(", ")}`;
    }
    if (Date.now() > deadline) throw new Error(`The newest mail in ${dir} is ${seen}, not one to ${to} with a ${page} link`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown> & { user?: Record<string, unknown> };

/** `curl -i`'s answer: the status, the headers, the body. */
function withHeaders(text: string) {
  const [head = "", body = ""] = text.split(/\r\n\r\n/, 2);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
  return { status: Number(statusLine.split(" ")[1]), headers, body: json(body) };
}

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const OPAQUE = /^[\w-]{43,}$/;

type Context = {
  terminal: Terminal;
  request: APIRequestContext;
  app: string;
  email: string;
  newEmail: string;
  /** What earlier steps answered, for later steps to compare with. */
  seen: Record<string, string>;
};

type Step = {
  starts: string;
  check: (answer: Answer, context: Context) => Promise<void>;
  /** The mail the line reads with `npm run outbox`: to whom, with which link. */
  mail?: { to: "email" | "newEmail"; page: string };
};

const assigns = (name: string, test: (value: string, context: Context) => void | Promise<void>) =>
  async (answer: Answer, context: Context) => {
    expect(answer.stdout).toBe("");
    const value = await context.terminal.variable(name);
    await test(value, context);
    context.seen[name] = value;
  };

/** A token taken out of the last answer kept in AUTH: it is that answer's, and a new one. */
const tokenOfAuth = (name: "ACCESS" | "REFRESH") =>
  assigns(name, (value, { seen }) => {
    const field = name === "ACCESS" ? "access_token" : "refresh_token";
    expect(value).toMatch(name === "ACCESS" ? JWT : OPAQUE);
    expect(value).toBe(json(seen.AUTH ?? "{}")[field]);
    expect(value).not.toBe(seen[name]);
  });

// The token of the newest mail's link: the same as the test reads from that mail itself.
const tokenFrom = (to: "email" | "newEmail", page: string): Step => ({
  starts: `TOKEN=$(npm run -s outbox | sed -n 's/.*${page.slice(1)}#token=//p')`,
  mail: { to, page },
  check: assigns("TOKEN", (value, { seen }) => expect(value).toBe(seen.mailed)),
});

const body = (check: (body: ReturnType<typeof json>, context: Context) => void | Promise<void>) =>
  async (answer: Answer, context: Context) => check(json(answer.stdout), context);

const status = (code: number) => async (answer: Answer) => expect(answer.stdout.trim()).toBe(String(code));

const problem = (code: number, name: string) => body((answer) => expect(answer).toMatchObject({ status: code, code: name }));

// The README's commands in order, each by how it starts, with what its answer must be.
const STEPS: Step[] = [
  { starts: "APP=", check: assigns("APP", (value, { app }) => expect(value).toBe(app)) },
  { starts: "EMAIL=", check: assigns("EMAIL", (value, { email }) => expect(value).toBe(email)) },
  { starts: "NEW_EMAIL=", check: assigns("NEW_EMAIL", (value, { newEmail }) => expect(value).toBe(newEmail)) },
  { starts: "field() {", check: async (answer) => expect(answer.stdout).toBe("") },

  // Signup and verification
  {
    starts: "AUTH=$(curl -s $APP/api/auth/signup",
    check: assigns("AUTH", (value, { email }) =>
      expect(json(value)).toMatchObject({ user: { email, name: "Ada", emailVerified: false }, token_type: "Bearer" }),
    ),
  },
  { starts: 'echo "$AUTH"', check: async (answer, { seen }) => expect(answer.stdout.trim()).toBe(seen.AUTH) },
  { starts: "ACCESS=", check: tokenOfAuth("ACCESS") },
  { starts: "REFRESH=", check: tokenOfAuth("REFRESH") },
  { starts: "curl -s $APP/api/auth/me", check: body((answer, { email }) => expect(answer.user).toMatchObject({ email, emailVerified: false })) },
  tokenFrom("email", "/verify-email"),
  {
    starts: "curl -s $APP/api/auth/email/verify",
    check: body((answer, { email }) => expect(answer.user).toMatchObject({ email, emailVerified: true })),
  },

  // Items
  {
    starts: "curl -s -i $APP/api/items",
    check: async (answer, { seen }) => {
      const { status, headers, body } = withHeaders(answer.stdout);
      expect(status).toBe(201);
      expect(body).toMatchObject({ name: "Teapot", price: "19.99", description: "Cast iron" });
      expect(headers["location"]).toBe(`/api/items/${String(body.id)}`);
      seen.item = String(body.id);
    },
  },
  { starts: "curl -s $APP/api/items", check: problem(409, "item_name_taken") },
  {
    starts: "curl -s $APP/api/items",
    check: body((answer) => {
      expect(answer).toMatchObject({ status: 400, code: "validation_failed" });
      expect(answer.errors).toEqual([expect.objectContaining({ path: "price" })]);
    }),
  },
  {
    starts: 'curl -s "$APP/api/items?sort=price&limit=10"',
    check: body((answer, { seen }) => expect(answer).toEqual({ items: [expect.objectContaining({ id: seen.item })], nextCursor: null })),
  },
  { starts: "ID=", check: assigns("ID", (value, { seen }) => expect(value).toBe(seen.item)) },
  { starts: "ETAG=", check: assigns("ETAG", (value) => expect(value).toMatch(/^(W\/)?"[^"]+"$/)) },
  { starts: "curl -s -X PATCH $APP/api/items/$ID", check: body((answer) => expect(answer).toMatchObject({ name: "Teapot", price: "17.50" })) },
  { starts: "curl -s -X PATCH $APP/api/items/$ID", check: problem(412, "precondition_failed") },
  {
    starts: "curl -s -X DELETE $APP/api/items/$ID",
    check: async (answer, context) => {
      await status(204)(answer);
      const read = await context.request.get(`${context.app}/api/items/${context.seen.item}`, { headers: await bearer(context) });
      expect(read.status()).toBe(404);
    },
  },

  // Refresh: two new tokens
  { starts: "AUTH=$(curl -s $APP/api/auth/refresh", check: assigns("AUTH", (value) => expect(json(value)).toMatchObject({ token_type: "Bearer" })) },
  { starts: "ACCESS=", check: tokenOfAuth("ACCESS") },
  { starts: "REFRESH=", check: tokenOfAuth("REFRESH") },

  // Sessions: a second device, the other ended, then logout
  { starts: "AUTH=$(curl -s $APP/api/auth/login", check: assigns("AUTH", (value, { email }) => expect(json(value).user).toMatchObject({ email })) },
  { starts: "ACCESS=", check: tokenOfAuth("ACCESS") },
  { starts: "REFRESH=", check: tokenOfAuth("REFRESH") },
  {
    starts: "curl -s $APP/api/auth/sessions",
    check: body((answer) => {
      const sessions = answer.sessions as { current: boolean }[];
      expect(sessions).toHaveLength(2);
      expect(sessions.filter((session) => session.current)).toHaveLength(1);
    }),
  },
  {
    starts: 'curl -s -X DELETE "$APP/api/auth/sessions?except=current"',
    check: async (answer, context) => {
      await status(204)(answer);
      const left = await context.request.get(`${context.app}/api/auth/sessions`, { headers: await bearer(context) });
      expect((await left.json()).sessions).toEqual([expect.objectContaining({ current: true })]);
    },
  },
  { starts: "curl -s -X POST $APP/api/auth/logout", check: status(204) },
  { starts: "curl -s $APP/api/auth/me", check: problem(401, "session_revoked") },

  // Password reset
  { starts: "curl -s $APP/api/auth/password/forgot", check: body((answer) => expect(answer).toEqual({ status: "sent" })) },
  tokenFrom("email", "/reset-password"),
  {
    starts: "curl -s $APP/api/auth/password/reset",
    check: status(204),
  },

  // Email change, confirmed by a session of the account
  { starts: "AUTH=$(curl -s $APP/api/auth/login", check: assigns("AUTH", (value, { email }) => expect(json(value).user).toMatchObject({ email })) },
  { starts: "ACCESS=", check: tokenOfAuth("ACCESS") },
  { starts: "curl -s $APP/api/auth/email -H", check: body((answer) => expect(answer).toEqual({ status: "sent" })) },
  tokenFrom("newEmail", "/verify-email"),
  {
    starts: "curl -s $APP/api/auth/email/verify",
    check: body((answer, { newEmail }) => expect(answer.user).toMatchObject({ email: newEmail, emailVerified: true })),
  },

  // Revert, from the notice mailed to the old address; then a new password, from the reset
  // link the revert mailed there, and the account signs in with its old address
  tokenFrom("email", "/revert-email"),
  { starts: "curl -s $APP/api/auth/email/revert", check: status(204) },
  { starts: "curl -s $APP/api/auth/me", check: problem(401, "session_revoked") },
  tokenFrom("email", "/reset-password"),
  { starts: "curl -s $APP/api/auth/password/reset", check: status(204) },
  { starts: "curl -s $APP/api/auth/login", check: body((answer, { email }) => expect(answer.user).toMatchObject({ email, emailVerified: true })) },
];

async function bearer({ terminal }: Context) {
  return { authorization: `Bearer ${await terminal.variable("ACCESS")}` };
}

/** The lines the reader chooses for themselves, set to this run's. */
function ours(command: string, context: Context): string {
  const chosen: [string, string, string][] = [
    ["APP", "http://localhost:3000", context.app],
    ["EMAIL", "ada@example.com", context.email],
    ["NEW_EMAIL", "ada@example.org", context.newEmail],
  ];
  for (const [name, readme, value] of chosen) {
    if (!command.startsWith(`${name}=`)) continue;
    expect(command, `the README sets ${name} to ${readme}`).toMatch(new RegExp(`^${name}=${readme.replace(/\./g, "\\.")}(\\s|$)`));
    return command.replace(readme, value);
  }
  return command;
}

const PORT = Number(process.env.E2E_PORT ?? 3100) + 23;
const OUTBOX = path.join(tmpdir(), `jwt-items-e2e-walkthrough-${PORT}`);
const serverUrl = process.env.E2E_DATABASE_URL;
const WALKTHROUGH_DB = "jwt_items_e2e_walkthrough";

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** A server as a reader starts one: fresh data, production limits, mail to its own outbox. */
async function readersServer(): Promise<ServerProcess> {
  rmSync(OUTBOX, { recursive: true, force: true });
  let database: Record<string, string> = { PGLITE_DATA_DIR: "memory://" };
  if (serverUrl) {
    await onServer(`DROP DATABASE IF EXISTS ${WALKTHROUGH_DB} WITH (FORCE)`);
    await onServer(`CREATE DATABASE ${WALKTHROUGH_DB}`);
    database = { DATABASE_URL: Object.assign(new URL(serverUrl), { pathname: `/${WALKTHROUGH_DB}` }).toString() };
  }
  return startServer(PORT, { ...database, MAIL_OUTBOX_DIR: OUTBOX, SIGNUP_MAX_PER_IP: "10", LOGIN_MAX_FAILURES_PER_IP: "30", WEB_CONCURRENCY: "1" });
}

test("the README's walk-through with curl runs as written: signup, verification, items, refresh, sessions, reset, email change and revert", async ({
  request,
}) => {
  test.setTimeout(120_000);
  const server = await readersServer();
  const commands = readmeCommands();
  // Each of the README's commands is the step this test expects there, and none is left out.
  expect(commands.map((command, index) => command.slice(0, STEPS[index]?.starts.length ?? command.length))).toEqual(
    STEPS.map((step) => step.starts),
  );

  const app = server.url;
  const outbox = OUTBOX;
  const id = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  const context: Context = {
    terminal: new Terminal({ MAIL_OUTBOX_DIR: outbox }),
    request,
    app,
    email: `ada-${id}@example.com`,
    newEmail: `ada-${id}@example.org`,
    seen: {},
  };
  try {
    for (const [index, command] of commands.entries()) {
      const step = STEPS[index] as Step;
      await test.step(command.split("\n")[0] ?? command, async () => {
        // Before a line that reads the outbox, its mail must be the newest there, as it is by
        // the time a reader has typed the line (mail leaves just after the answer).
        if (step.mail) context.seen.mailed = await newestMailToken(outbox, context[step.mail.to], step.mail.page);
        const answer = await context.terminal.run(ours(command, context));
        expect(answer.status, answer.stderr).toBe(0);
        expect(answer.stderr, "nothing on stderr: a reader would see it").toBe("");
        await step.check(answer, context);
      });
    }
  } finally {
    context.terminal.close();
    await server.stop();
    if (serverUrl) await onServer(`DROP DATABASE IF EXISTS ${WALKTHROUGH_DB} WITH (FORCE)`);
  }
});

test("unknown paths and wrong methods are answered with problem+json, not HTML", async ({ request }) => {
  const missing = await request.get("/api/nowhere");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("application/problem+json");
  const wrongMethod = await request.put("/api/items", { data: {} });
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toContain("GET");
});

test("a forged x-middleware-subrequest header gains nothing", async ({ request }) => {
  const forged = "middleware:middleware:middleware:middleware:middleware";
  const response = await request.get("/api/items", { headers: { "x-middleware-subrequest": forged } });
  expect(response.status()).toBe(401);
  const me = await request.get("/api/auth/me", { headers: { "x-middleware-subrequest": "src/middleware", "x-user-id": "anyone" } });
  expect(me.status()).toBe(401);
});

test("the health check reports the database as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
