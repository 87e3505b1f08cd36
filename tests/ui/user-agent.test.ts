// The device a session or an event came from, in words: real headers of the browsers and
// clients people use, including those that mention another browser in their own header.
import { describe, expect, it } from "vitest";
import { describeUserAgent, parseUserAgent } from "@/lib/client/user-agent";

describe("parseUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome", "Windows"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", "Edge", "Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari", "macOS"],
    ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox", "Linux"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari", "iOS"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1", "Chrome", "iOS"],
    ["Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15", "Firefox", "iOS"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36", "Chrome", "Android"],
    ["Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet", "Android"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0", "Opera", "Windows"],
    ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome", "ChromeOS"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.33 Safari/537.36", "Chrome", "Linux"],
  ])("reads %s as %s on %s", (header, browser, os) => {
    expect(parseUserAgent(header)).toEqual({ browser, os });
  });

  it.each([
    ["curl/8.5.0", "curl"],
    ["PostmanRuntime/7.42.0", "Postman"],
    ["python-requests/2.32.3", "Python"],
    ["okhttp/4.12.0", "OkHttp"],
  ])("names API clients without a system: %s", (header, browser) => {
    expect(parseUserAgent(header)).toEqual({ browser, os: null });
  });

  it("knows nothing of a missing header", () => {
    expect(parseUserAgent(null)).toEqual({ browser: null, os: null });
    expect(parseUserAgent("")).toEqual({ browser: null, os: null });
  });
});

describe("describeUserAgent", () => {
  it("says the browser on the system", () => {
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox on Linux");
  });

  it("says what it knows when it knows only one of them", () => {
    expect(describeUserAgent("curl/8.5.0")).toBe("curl");
    expect(describeUserAgent("SomeApp/1.0 (Linux; Android 14)")).toBe("A browser on Android");
  });

  it("shows an unknown header's start, cut to 60 characters, rather than guessing", () => {
    expect(describeUserAgent("my-sync-tool/2.1")).toBe("my-sync-tool/2.1");
    expect(describeUserAgent(`x${"y".repeat(100)}`)).toHaveLength(60);
  });

  it("says so when there is no header", () => {
    expect(describeUserAgent(null)).toBe("Unknown device");
    expect(describeUserAgent("   ")).toBe("Unknown device");
  });
});
