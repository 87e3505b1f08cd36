// docs/architecture.md lists the project files a login and an items read pass through.
// This test runs both, middleware then route handler, and asks V8 which project files
// ran code meanwhile, so the lists stay what the code does. A file counts once however
// often it is entered. Background work is kept out: the revocation view's interval is
// faked (it never fires here), and each request is traced twice, keeping only the files
// entered both times.
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { backgroundSettled } from "@/lib/background/pending";
import { GET as listItems } from "@/app/api/items/route";
import { middleware } from "@/middleware";
import { createSignedInUser, type SignedInUser } from "../factories/users";
import { apiRequest, ORIGIN } from "../helpers/http";
import { ROOT } from "../helpers/repo-text";

type Coverage = { result: { url: string; functions: { ranges: { count: number }[] }[] }[] };

const session = new Session();

/** The project files (not tests, not packages) that ran code while `run` did, in no order. */
async function filesEntered(run: () => Promise<unknown>): Promise<string[]> {
  await session.post("Profiler.takePreciseCoverage"); // resets the counts
  await run();
  const { result } = (await session.post("Profiler.takePreciseCoverage")) as Coverage;
  return result
    .filter(({ url, functions }) => url.includes(ROOT) && functions.some(({ ranges }) => ranges[0]!.count > 0))
    .map(({ url }) => path.relative(ROOT, new URL(url).pathname))
    .filter((file) => !/^(node_modules|tests)\//.test(file))
    .sort();
}

async function traced(run: () => Promise<unknown>): Promise<string[]> {
  const [first, second] = [await filesEntered(run), await filesEntered(run)];
  return first.filter((file) => second.includes(file));
}

/** The files docs/architecture.md lists between `<!-- files: name -->` and `<!-- /files -->`. */
function documented(name: string): string[] {
  const page = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
  const list = new RegExp(`<!-- files: ${name} -->([\\s\\S]*?)<!-- /files -->`).exec(page)?.[1] ?? "";
  return [...list.matchAll(/^\d+\. `([^`]+)`/gm)].map(([, file]) => file!).sort();
}

const edge = (pathname: string, init?: ConstructorParameters<typeof NextRequest>[1]) => () =>
  middleware(new NextRequest(`${ORIGIN}${pathname}`, init));

describe("the life of a request (docs/architecture.md)", () => {
  let caller: SignedInUser;
  let n = 0;
  // A returning client: it sends the device token its first login got, as a browser sends
  // its device cookie (a new device's login also mails a notice: lib/mail's modules).
  let deviceToken: string | undefined;
  const logIn = () =>
    login(
      apiRequest("/api/auth/login", {
        method: "POST",
        body: { email: caller.user.email, password: caller.password, ...(deviceToken ? { device_token: deviceToken } : {}) },
        ip: `10.7.0.${++n}`,
      }),
      undefined,
    );
  const readItems = () => listItems(apiRequest("/api/items", { token: caller.accessToken }), undefined);

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
    caller = await createSignedInUser();
    // The first run of each path loads its modules and opens the database.
    deviceToken = ((await (await logIn()).json()) as { device_token: string }).device_token;
    await backgroundSettled(); // its new-device notice goes out before anything is traced
    await readItems();
  });
  afterAll(() => {
    vi.useRealTimers();
    session.disconnect();
  });

  it("passes a login through the files it lists at the edge", async () => {
    expect(await traced(edge("/api/auth/login", { method: "POST" }))).toEqual(documented("login at the edge"));
  });

  it("passes a login through the files it lists on Node", async () => {
    expect(await traced(logIn)).toEqual(documented("login on Node"));
  });

  it("passes an items read through the files it lists at the edge", async () => {
    const bearer = { headers: { authorization: `Bearer ${caller.accessToken}` } };
    expect(await traced(edge("/api/items", bearer))).toEqual(documented("items read at the edge"));
  });

  it("passes an items read through the files it lists on Node", async () => {
    expect(await traced(readItems)).toEqual(documented("items read on Node"));
  });
});
