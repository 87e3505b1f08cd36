// Requests that Node's HTTP parser refuses before any handler runs. Node's own answer is a
// bare status line; the API answers every error as problem+json (README: The API). Raw sockets, since
// no HTTP client will send such requests.
import net from "node:net";
import { expect, test } from "@playwright/test";

/** Sends raw bytes and returns the whole answer, once the server closes the connection. */
function rawExchange(baseURL: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("utf8")));
    socket.on("end", () => resolve(answer));
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" && answer ? resolve(answer) : reject(error)));
    socket.write(bytes);
  });
}

function parse(answer: string) {
  const [head = "", body = ""] = answer.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
  return { status: Number(statusLine.split(" ")[1]), headers, body: JSON.parse(body) as { code: string; status: number } };
}

test("headers over 16 KiB get a 431 headers_too_large problem, not a bare status line", async ({ baseURL }) => {
  const request = `GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${"A".repeat(20_000)}\r\n\r\n`;
  const answer = parse(await rawExchange(baseURL!, request));
  expect(answer.status).toBe(431);
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  expect(answer.body).toMatchObject({ status: 431, code: "headers_too_large" });
});

test("bytes that are not HTTP get a 400 malformed_request problem", async ({ baseURL }) => {
  const answer = parse(await rawExchange(baseURL!, "HELLO THERE\r\n\r\n"));
  expect(answer.status).toBe(400);
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  expect(answer.body.code).toBe("malformed_request");
});

test("a path and query over 4 KiB get a 414 uri_too_long problem, even where Next would redirect and echo them twice", async ({ request }) => {
  // A trailing slash makes Next redirect with the target in `Location` and `Refresh`: at
  // 9 KiB that answer's headers were more than an HTTP client would read (the fuzzer found it).
  const query = `?${"%20".repeat(3_000)}`;
  for (const path of [`/api/auth/passkeys/${query}`, `/api/items${query}`]) {
    const answer = await request.fetch(path, { method: "PATCH", data: {}, maxRedirects: 0 });
    expect(answer.status()).toBe(414);
    expect(answer.headers()["content-type"]).toBe("application/problem+json");
    expect(await answer.json()).toMatchObject({ status: 414, code: "uri_too_long" });
  }
  const justUnder = await request.get(`/api/health?${"a".repeat(4_096 - "/api/health?".length)}`);
  expect(justUnder.status()).toBe(200);
});

test("the server keeps serving after all of these", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
});
