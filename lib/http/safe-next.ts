// Where to go after signing in. `?next=` comes from the address bar, so anyone can
// write it: only a path on this site is accepted, never another origin ("//evil.com",
// "/\evil.com" and "https://…" all resolve elsewhere), and never the auth pages or the
// API, which would loop or show raw JSON.
export const DEFAULT_AFTER_LOGIN = "/items";

const BASE = "http://same.site";

export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) {
    return DEFAULT_AFTER_LOGIN;
  }
  // Browsers strip tabs and newlines from URLs and read "\" as "/": refuse them outright.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return DEFAULT_AFTER_LOGIN;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
  if (url.origin !== BASE) return DEFAULT_AFTER_LOGIN;
  // The check that counts is on what is returned: normalising "/.//evil.example",
  // "/..//evil.example" or "/%2e//evil.example" yields "//evil.example", another origin.
  const path = url.pathname + url.search + url.hash;
  if (path.startsWith("//") || new URL(path, BASE).origin !== BASE) return DEFAULT_AFTER_LOGIN;
  if (/^\/(login|signup|api)(\/|$)/.test(url.pathname)) return DEFAULT_AFTER_LOGIN;
  return path;
}
