// Bodies are refused past 16 KiB as they arrive, before being held in memory, and a body
// that does not arrive in time is given up on (README: Limits). These requests are
// written by hand with node:http, so a test controls when each byte is sent and can see
// the answer come while the client is still writing. Its own server, whose bodies get
// two seconds to arrive.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { startServer, type ServerProcess } from "../support/server-process";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 12;
const KiB = 1024;
let server: ServerProcess;

test.beforeAll(async () => {
  server = await startServer(PORT, { PGLITE_DATA_DIR: "memory://", REQUEST_BODY_TIMEOUT: "2" });
});

test.afterAll(async () => {
  await server?.stop();
});

type Answer = { status: number; contentType: string; connection: string; body: { code?: string; status?: number }; sent: number; afterMs: number };

/**
 * Opens a POST to the login endpoint and lets `send` write its body at its own pace
 * (`send` stops when `answered()` turns true). Resolves with the answer, how many body
 * bytes had been written when it came, and how long after the headers went out.
 */
function post(headers: Record<string, string>, send: (write: (bytes: Buffer) => void, answered: () => boolean) => Promise<void>) {
  return new Promise<Answer>((resolve, reject) => {
    const started = Date.now();
    let sent = 0;
    let answered = false;
    const req = http.request({
      host: "127.0.0.1",
      port: PORT,
      method: "POST",
      path: "/api/auth/login",
      headers: { "content-type": "application/json", ...headers },
      agent: false,
    });
    req.on("response", (res) => {
      answered = true;
      const at = { sent, afterMs: Date.now() - started };
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers["content-type"] ?? "",
          connection: res.headers.connection ?? "",
          body: text ? (JSON.parse(text) as Answer["body"]) : {},
          ...at,
        }),
      );
    });
    // Writing on after the server has answered and closed fails; only a failure before
    // any answer is the test's.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    req.flushHeaders();
    void send(
      (bytes) => {
        if (answered || req.destroyed) return;
        sent += bytes.length;
        req.write(bytes);
      },
      () => answered,
    ).then(() => {
      if (!answered && !req.destroyed) req.end();
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const filler = (bytes: number) => Buffer.alloc(bytes, " ");
/** A login body of exactly `bytes` bytes: valid JSON, padded with spaces. */
const loginBodyOf = (bytes: number) => {
  const json = JSON.stringify({ email: "nobody@example.com", password: "wrong password" });
  return Buffer.concat([Buffer.from(json), filler(bytes - json.length)]);
};

test("a body declared over 16 KiB is refused with 413 before it is sent", async () => {
  const answer = await post({ "content-length": String(20 * KiB) }, async (write, answered) => {
    write(filler(KiB));
    // The rest is never sent unless the server waits for it.
    for (let i = 0; i < 100 && !answered(); i++) await sleep(50);
    write(filler(19 * KiB));
  });
  expect(answer).toMatchObject({ status: 413, contentType: "application/problem+json", connection: "close" });
  expect(answer.body).toMatchObject({ status: 413, code: "body_too_large" });
  expect(answer.sent).toBe(KiB);
});

test("a client that asks first (Expect: 100-continue) is told 413 without being asked to send", async () => {
  let invited = false;
  const answer = await new Promise<number>((resolve, reject) => {
    const req = http.request({
      host: "127.0.0.1",
      port: PORT,
      method: "POST",
      path: "/api/auth/login",
      headers: { "content-type": "application/json", "content-length": String(20 * KiB), expect: "100-continue" },
      agent: false,
    });
    req.on("continue", () => (invited = true));
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.flushHeaders();
  });
  expect(answer).toBe(413);
  expect(invited).toBe(false);
});

test("a chunked body is refused with 413 as soon as it passes 16 KiB, long before a slow 2 MB body ends", async () => {
  // 2 MiB in 4 KiB pieces every 12 ms: about six seconds, were it all sent.
  const answer = await post({ "transfer-encoding": "chunked" }, async (write, answered) => {
    for (let sent = 0; sent < 2048 * KiB && !answered(); sent += 4 * KiB) {
      write(filler(4 * KiB));
      await sleep(12);
    }
  });
  expect(answer).toMatchObject({ status: 413, contentType: "application/problem+json", connection: "close" });
  expect(answer.body).toMatchObject({ status: 413, code: "body_too_large" });
  // Answered at the piece that passed 16 KiB, or a few later on a busy machine; never
  // near the whole body.
  expect(answer.sent).toBeGreaterThan(16 * KiB);
  expect(answer.sent).toBeLessThan(256 * KiB);
  expect(answer.afterMs).toBeLessThan(3_000);
});

test("a body that has not arrived within the time limit is answered 408", async () => {
  const answer = await post({ "content-length": "200" }, async (write, answered) => {
    write(filler(20));
    // Then silence, far past the server's two seconds.
    for (let i = 0; i < 200 && !answered(); i++) await sleep(50);
  });
  expect(answer).toMatchObject({ status: 408, contentType: "application/problem+json", connection: "close" });
  expect(answer.body).toMatchObject({ status: 408, code: "body_timeout" });
  expect(answer.afterMs).toBeGreaterThanOrEqual(1_900);
  expect(answer.afterMs).toBeLessThan(9_000);
});

test("a body of exactly 16 KiB, chunked, reaches the handler, as does one sent slowly within the limit", async () => {
  const exact = await post({ "transfer-encoding": "chunked" }, async (write) => {
    const body = loginBodyOf(16 * KiB);
    for (let offset = 0; offset < body.length; offset += 4 * KiB) write(body.subarray(offset, offset + 4 * KiB));
  });
  expect(exact.status).toBe(401);
  expect(exact.body.code).toBe("invalid_credentials");

  const slow = await post({ "content-length": String(2 * KiB) }, async (write) => {
    const body = loginBodyOf(2 * KiB);
    // Four pieces over about a second: slow, but within the two seconds.
    for (let offset = 0; offset < body.length; offset += 512) {
      write(body.subarray(offset, offset + 512));
      await sleep(300);
    }
  });
  expect(slow.status).toBe(401);
  expect(slow.body.code).toBe("invalid_credentials");
});

test("ordinary requests still work, with and without bodies", async () => {
  const email = `bodies-${crypto.randomUUID()}@example.com`;
  const signup = await fetch(`${server.url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "correct horse battery" }),
  });
  expect(signup.status).toBe(201);
  const { access_token: token } = (await signup.json()) as { access_token: string };
  const created = await fetch(`${server.url}/api/items`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: "Teapot", price: "19.99" }),
  });
  expect(created.status).toBe(201);
  const listed = await fetch(`${server.url}/api/items`, { headers: { authorization: `Bearer ${token}` } });
  expect(((await listed.json()) as { items: { name: string }[] }).items.map((i) => i.name)).toEqual(["Teapot"]);
});
