// route() works out a request's facts once (lib/auth/identity/request-context.ts) and
// everything downstream reads them: no helper goes back to the Request to compute the
// client address, HTTPS or the cookie names again. Counted with V8's own call counts
// (the inspector's precise coverage) over one real request through the route handler.
import { Session } from "node:inspector/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser } from "../factories/users";
import { apiRequest, ORIGIN } from "../helpers/http";

const ROOT = path.resolve(import.meta.dirname, "../..");
// The functions that work out a fact from the Request, by file.
const FACTS: Record<string, string[]> = {
  "lib/http/https.ts": ["isHttps", "servedOverHttps"],
  "lib/http/client-address.ts": ["clientAddressOf", "getClientIp", "limitKeyOf"],
  "lib/auth/identity/cookies.ts": ["cookieNames", "overHttps"],
  "lib/auth/identity/csrf.ts": ["isBrowserRequest"],
  "lib/auth/identity/request-context.ts": ["describeRequest"],
};

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });

/** How often each fact function ran during `run` (taking coverage resets the counts). */
async function factCalls(run: () => Promise<unknown>): Promise<Record<string, number>> {
  await session.post("Profiler.takePreciseCoverage");
  await run();
  const { result } = await session.post("Profiler.takePreciseCoverage");
  const calls: Record<string, number> = {};
  for (const script of result) {
    const file = path.relative(ROOT, script.url.replace(/^file:\/\//, "").split("?")[0]!);
    for (const fn of script.functions) {
      const count = fn.ranges[0]?.count ?? 0;
      if (count > 0 && FACTS[file]?.includes(fn.functionName)) calls[`${file} ${fn.functionName}`] = count;
    }
  }
  return calls;
}

const onceEach = (calls: Record<string, number>) => Object.entries(calls).filter(([, count]) => count > 1);

let login: (request: Request, context: undefined) => Promise<Response>;
let listItems: (request: Request, context: undefined) => Promise<Response>;

beforeAll(async () => {
  login = (await import("@/app/api/auth/login/route")).POST;
  listItems = (await import("@/app/api/items/route")).GET;
});

describe("the facts of one request", () => {
  it("are each worked out once for a browser's login, which reads and sets every auth cookie", async () => {
    const { user, password } = await createSignedInUser();
    const send = () =>
      login(
        apiRequest("/api/auth/login", {
          method: "POST",
          body: { email: user.email, password },
          headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "x-forwarded-proto": "https", cookie: "__Secure-device=x" },
        }),
        undefined,
      );
    expect((await send()).status).toBe(200);
    const calls = await factCalls(async () => expect((await send()).status).toBe(200));
    expect(Object.keys(calls).length).toBeGreaterThan(0);
    expect(onceEach(calls)).toEqual([]);
  });

  it("are each worked out once for a list of items read with the access cookie", async () => {
    const { accessToken } = await createSignedInUser();
    const send = () => listItems(apiRequest("/api/items", { cookies: { access_token: accessToken } }), undefined);
    expect((await send()).status).toBe(200);
    const calls = await factCalls(async () => expect((await send()).status).toBe(200));
    expect(Object.keys(calls).length).toBeGreaterThan(0);
    expect(onceEach(calls)).toEqual([]);
    // Nothing here counts per address: the address is never worked out.
    expect(Object.keys(calls).filter((name) => name.startsWith("lib/http/client-address.ts"))).toEqual([]);
  });
});
