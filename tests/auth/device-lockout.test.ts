// Lock-out is not a weapon: five wrong guesses by anyone lock an email for 15 minutes, but a
// browser or client that signed in to the account before keeps an allowance of its own.
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { createSignedInUser } from "../factories/users";
import { apiRequest, cookieValue, ORIGIN, setCookies } from "../helpers/http";

let ipCounter = 0;
const nextIp = () => `198.18.9.${++ipCounter % 250}`;

type Attempt = { email: string; password: string; device_token?: string; cookie?: string; browser?: boolean };

function logIn({ email, password, device_token, cookie, browser }: Attempt) {
  const body = { email, password, ...(device_token ? { device_token } : {}) };
  const headers: Record<string, string> = browser ? { origin: ORIGIN, "sec-fetch-site": "same-origin" } : {};
  return login(apiRequest("/api/auth/login", { method: "POST", body, ip: nextIp(), headers, cookies: cookie ? { device: cookie } : undefined }), undefined);
}

async function strangerLocksOut(email: string): Promise<void> {
  for (let i = 0; i < 5; i++) expect((await logIn({ email, password: `guess ${i}` })).status).toBe(401);
  expect((await logIn({ email, password: "guess 6" })).status).toBe(429);
}

describe("a device that signed in to the account before", () => {
  it("lets the owner's browser in while a stranger's guesses have locked the email", async () => {
    const { user, password } = await createSignedInUser();
    const first = await logIn({ email: user.email, password, browser: true });
    const cookie = cookieValue(setCookies(first).get("device"));
    expect(setCookies(first).get("device")).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await first.json()).device_token).toBeUndefined();

    await strangerLocksOut(user.email);
    expect((await logIn({ email: user.email, password })).status).toBe(429);
    expect((await logIn({ email: user.email, password, cookie, browser: true })).status).toBe(200);
  });

  it("lets an API client in with the device_token its earlier login returned", async () => {
    const { user, password } = await createSignedInUser();
    const { device_token } = await (await logIn({ email: user.email, password })).json();
    await strangerLocksOut(user.email);
    expect((await logIn({ email: user.email, password, device_token })).status).toBe(200);
  });

  it("has its own allowance of five failures, after which it waits too", async () => {
    const { user, password } = await createSignedInUser();
    const { device_token } = await (await logIn({ email: user.email, password })).json();
    for (let i = 0; i < 5; i++) expect((await logIn({ email: user.email, password: "typo", device_token })).status).toBe(401);
    expect((await logIn({ email: user.email, password, device_token })).status).toBe(429);
    // Its failures were its own: the email itself was never locked.
    expect((await logIn({ email: user.email, password })).status).toBe(200);
  });

  it("keeps the allowances of several accounts in one browser cookie", async () => {
    const ada = await createSignedInUser();
    const bob = await createSignedInUser();
    const first = await logIn({ email: ada.user.email, password: ada.password, browser: true });
    const adaOnly = cookieValue(setCookies(first).get("device"));
    const second = await logIn({ email: bob.user.email, password: bob.password, browser: true, cookie: adaOnly });
    const both = cookieValue(setCookies(second).get("device"));
    await strangerLocksOut(ada.user.email);
    await strangerLocksOut(bob.user.email);
    expect((await logIn({ email: ada.user.email, password: ada.password, cookie: both, browser: true })).status).toBe(200);
    expect((await logIn({ email: bob.user.email, password: bob.password, cookie: both, browser: true })).status).toBe(200);
  });
});

describe("a device token that is not the account's own", () => {
  it("gives no allowance when it was made for another account", async () => {
    const { user, password } = await createSignedInUser();
    const other = await createSignedInUser();
    const { device_token } = await (await logIn({ email: other.user.email, password: other.password })).json();
    await strangerLocksOut(user.email);
    expect((await logIn({ email: user.email, password, device_token })).status).toBe(429);
  });

  it("gives no allowance when it was tampered with", async () => {
    const { user, password } = await createSignedInUser();
    const { device_token } = await (await logIn({ email: user.email, password })).json();
    const [version, owner, , mac] = String(device_token).split(".");
    const forged = `${version}.${owner}.AAAAAAAAAAAAAAAAAAAAAA.${mac}`;
    await strangerLocksOut(user.email);
    expect((await logIn({ email: user.email, password, device_token: forged })).status).toBe(429);
  });
});
