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

test("the server keeps serving after both", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
});
