// A stand-in for Have I Been Pwned's range API (GET /range/{5 hex}, Add-Padding), served
// by node:http inside the test process. It records every request, so a test can check
// what left the app, and can be told to fail (503) or to never answer. Imports nothing of
// the app: a test file starts it before lib/env reads PASSWORD_BREACH_API_URL.
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type Behaviour = "answer" | "fail" | "hang";

export const sha1 = (password: string) => createHash("sha1").update(password, "utf8").digest("hex").toUpperCase();

export async function startFakeHibp(breached: Record<string, number>) {
  const seen: SeenRequest[] = [];
  let behaviour: Behaviour = "answer";
  // Each entry as the service lists it: the hash's last 35 characters and a count; the
  // count 0 marks a padding entry, which stands for no password at all.
  const entries = Object.entries(breached).map(([password, count]) => ({ hash: sha1(password), count }));

  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
      if (behaviour === "hang") return;
      if (behaviour === "fail") return void response.writeHead(503).end("Service Unavailable");
      const prefix = /^\/range\/([0-9A-F]{5})$/i.exec(request.url ?? "")?.[1]?.toUpperCase();
      if (!prefix) return void response.writeHead(404).end();
      const lines = entries.filter((e) => e.hash.startsWith(prefix)).map((e) => `${e.hash.slice(5)}:${e.count}`);
      lines.push(`${"0".repeat(35)}:0`);
      response.writeHead(200, { "content-type": "text/plain" }).end(lines.join("\r\n"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    behave(next: Behaviour) {
      behaviour = next;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
