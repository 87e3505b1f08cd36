// What browsers fetch beside every page: /favicon.ico (asked for whatever the page links),
// the icons and the web app manifest the pages link, and the theme colours. Plain HTTP
// requests without cookies: a signed-out visitor gets them too.
import { expect, test, type APIRequestContext } from "@playwright/test";

type Manifest = { name: string; start_url: string; icons: { src: string; sizes: string; type: string }[] };

/** The `<link>` and `<meta>` tags of a page's head, as written by the server. */
async function headTags(request: APIRequestContext, path: string): Promise<string[]> {
  const html = await (await request.get(path)).text();
  return html.match(/<(?:link|meta)\b[^>]*>/g) ?? [];
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

test("/favicon.ico is an icon file, not a 404", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/x-icon");
  // An ICO file's header: reserved 0, type 1 (icon), then the number of images.
  const body = await response.body();
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  expect(body.readUInt16LE(4)).toBeGreaterThan(0);
});

test("every page links the SVG icon, the touch icon and the manifest, and each answers with its type", async ({ request }) => {
  for (const path of ["/login", "/docs", "/no-such-page"]) {
    const links = (await headTags(request, path)).filter((tag) => tag.startsWith("<link"));
    const wanted = {
      "image/svg+xml": links.find((tag) => attribute(tag, "rel") === "icon" && attribute(tag, "type") === "image/svg+xml"),
      "image/png": links.find((tag) => attribute(tag, "rel") === "apple-touch-icon"),
      "application/manifest+json": links.find((tag) => attribute(tag, "rel") === "manifest"),
    };
    for (const [type, tag] of Object.entries(wanted)) {
      expect(tag, `${path} links a ${type}`).toBeDefined();
      const response = await request.get(attribute(tag ?? "", "href") ?? "", { maxRedirects: 0 });
      expect(response.status(), `${path}: ${tag}`).toBe(200);
      expect(response.headers()["content-type"]).toContain(type);
    }
  }
});

test("the manifest names the app and its icons, each of which is there", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = (await response.json()) as Manifest;
  expect(manifest.name).toBe("JWT Items");
  expect(manifest.start_url).toBe("/");
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(["any", "192x192", "512x512"]);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src, { maxRedirects: 0 });
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toContain(icon.type);
  }
});

test("pages declare both colour schemes and a theme colour for each", async ({ request }) => {
  const metas = (await headTags(request, "/login")).filter((tag) => tag.startsWith("<meta"));
  const named = (name: string) => metas.filter((tag) => attribute(tag, "name") === name);
  expect(named("color-scheme").map((tag) => attribute(tag, "content"))).toEqual(["light dark"]);
  expect(named("theme-color").map((tag) => [attribute(tag, "media"), attribute(tag, "content")])).toEqual([
    ["(prefers-color-scheme: light)", "#ffffff"],
    ["(prefers-color-scheme: dark)", "#1a1e24"],
  ]);
});

test("a page whose address only starts like an icon's still gets its own CSP nonce", async ({ request }) => {
  // The middleware skips exactly the icon and manifest files; anything longer is a page.
  for (const path of ["/favicon.ico.html", "/icon.svgz", "/manifest.webmanifest/x"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+'/);
  }
});
