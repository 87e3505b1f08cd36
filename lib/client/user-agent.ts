// A device in words from its User-Agent header: the browser and the operating system,
// enough for a person to recognise their own phone or laptop ("Firefox on Windows") or
// to notice one that is not theirs. Rules in order, first match wins: browsers that build
// on Chrome or Safari say so in their own header too, so the specific ones come first.

export type Device = { browser: string | null; os: string | null };

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bCriOS\//, "Chrome"],
  [/HeadlessChrome\/|\bChrome\/|\bChromium\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\/|\bSafari\//, "Safari"],
  [/^curl\//, "curl"],
  [/^Wget\//, "Wget"],
  [/PostmanRuntime\//, "Postman"],
  [/^python-requests\/|^Python-urllib\//, "Python"],
  [/^node-fetch|^undici|^node\b/i, "Node.js"],
  [/^okhttp\//, "OkHttp"],
];

// iOS before macOS (an iPad's header may say "like Mac OS X"), Android before Linux.
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b|\biPad\b|\biPod\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

const pick = (text: string, rules: [RegExp, string][]) => rules.find(([pattern]) => pattern.test(text))?.[1] ?? null;

export function parseUserAgent(userAgent: string | null | undefined): Device {
  if (!userAgent) return { browser: null, os: null };
  return { browser: pick(userAgent, BROWSERS), os: pick(userAgent, SYSTEMS) };
}

/** "Chrome on Linux"; the header's start when nothing in it is known; "Unknown device" without one. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent?.trim()) return "Unknown device";
  const { browser, os } = parseUserAgent(userAgent);
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? (os ? `A browser on ${os}` : userAgent.trim().slice(0, 60));
}
