// The browser's refresh asks the server only when the session hint says there is a session
// to refresh (lib/client/session-refresh.ts): a signed-out page sends none, a signed-in one
// whose access token expired still does.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hasSessionHint, refreshSession } from "@/lib/client/session-refresh";

let sent: string[];

beforeEach(() => {
  sent = [];
  vi.stubGlobal("fetch", async (url: string) => {
    sent.push(url);
    return new Response(JSON.stringify({ access_token: "a", token_type: "Bearer", expires_in: 900 }), { status: 200 });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const withCookies = (cookie: string) => vi.stubGlobal("document", { cookie });

describe("the session hint, as the browser reads it", () => {
  it("is there when the server's hint cookie is, plain or __Host- prefixed", () => {
    withCookies("theme=dark; session_hint=1");
    expect(hasSessionHint()).toBe(true);
    withCookies("__Host-session_hint=1");
    expect(hasSessionHint()).toBe(true);
  });

  it("is not there without it, or with a look-alike", () => {
    withCookies("");
    expect(hasSessionHint()).toBe(false);
    withCookies("my_session_hint=1; session_hint_x=1; session_hint=0");
    expect(hasSessionHint()).toBe(false);
  });
});

describe("a refresh", () => {
  it("is not sent when there is no session to refresh", async () => {
    withCookies("theme=dark");
    expect(await refreshSession()).toBe(false);
    expect(sent).toEqual([]);
  });

  it("is sent when the hint says a refresh cookie is there", async () => {
    withCookies("session_hint=1");
    expect(await refreshSession()).toBe(true);
    expect(sent).toEqual(["/api/auth/refresh"]);
  });
});
