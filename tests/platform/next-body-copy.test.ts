// Where Next is the server (bare `next start`), it copies the body of every request that
// middleware runs for, up to next.config.js's proxyClientMaxBodySize, and past that hands
// the route handler the body without the chunk that crossed the limit and all after it.
// The limit is set so that a cut body still reaches the handler over 16 KiB: these tests
// send bodies through Next's own copying code, in chunks no larger than a socket read
// (64 KiB), then to a real handler.
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { getCloneableBody } from "next/dist/server/body-streams";
import loadConfig from "next/dist/server/config";
import { PHASE_PRODUCTION_SERVER } from "next/dist/shared/lib/constants";
import { describe, expect, it, vi } from "vitest";
import { POST as signup } from "@/app/api/auth/signup/route";
import { MAX_BODY_BYTES } from "@/lib/http/body";

const KiB = 1024;
// next.config.js as Next itself reads it, the size normalised to bytes.
const copyLimit = (await loadConfig(PHASE_PRODUCTION_SERVER, process.cwd(), { silent: true })).experimental.proxyClientMaxBodySize as number;

/** A signup request whose body, in these chunks, went through Next's copy for middleware. */
async function throughNextsCopy(chunks: string[]): Promise<Request> {
  const incoming = Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
  const cloneable = getCloneableBody(incoming as IncomingMessage, copyLimit);
  // Middleware's copy, read to its end as the edge sandbox does.
  for await (const chunk of cloneable.cloneBodyStream()) void chunk;
  await cloneable.finalize();
  return new Request("http://localhost:3000/api/auth/signup", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.60" },
    body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
}

/** A valid signup form of exactly `bytes` bytes, padded at its end with a field the handler ignores. */
const signupForm = (bytes: number) => {
  const head = `email=cut-${crypto.randomUUID()}%40example.com&password=analytical+engine&padding=`;
  return head + "a".repeat(bytes - head.length);
};

describe("a body that Next copies for middleware", () => {
  it("is never cut back to a valid body of 16 KiB or less: it is refused with 413", async () => {
    // The worst case: 16 KiB that are a whole valid signup on their own, then the largest
    // chunks a socket read gives. Cut before any of them, it would be accepted.
    vi.spyOn(console, "warn").mockImplementation(() => {}); // Next warns of each cut
    const chunks = [signupForm(MAX_BODY_BYTES), ...Array<string>(4).fill("a".repeat(64 * KiB))];
    const response = await signup(await throughNextsCopy(chunks), undefined);
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe("body_too_large");
  });

  it("reaches the handler whole at 16 KiB", async () => {
    const request = await throughNextsCopy([signupForm(8 * KiB), "a".repeat(8 * KiB)]);
    expect((await request.clone().text()).length).toBe(MAX_BODY_BYTES);
    expect((await signup(request, undefined)).status).toBe(201);
  });
});
