// The edges of the app that every visitor meets: the header and a way home on "page not
// found" and on the API reference, a page load that asks for nothing that is not there,
// and the visitor's colour scheme, light or dark, on every page.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SWAGGER_RENDERS = 20_000;

/** The page's background and text colours, as computed. */
const bodyColours = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, text: style.color };
  });

test.describe("page not found", () => {
  test("shows a signed-out visitor the app's header and the way to sign in", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "JWT Items" })).toBeVisible();
    await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Go to the sign-in page" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  });

  test("shows a signed-in user the navigation and the way back to their items", async ({ page, account }) => {
    await page.goto("/items/no-such-thing");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    const header = page.getByRole("banner");
    await expect(header.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" })).toBeVisible();
    await expect(header).toContainText(account.email);
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Go to your items" }).click();
    await expect(page).toHaveURL(/\/items$/);
    await expect(page.getByRole("heading", { level: 1, name: "Items" })).toBeVisible();
  });
});

test.describe("the API reference", () => {
  test("leads a signed-out visitor back to the app through its header", async ({ page }) => {
    await page.goto("/docs");
    // One main landmark, the app's: Swagger UI's own <main> is made a region.
    await expect(page.getByRole("region", { name: "Endpoints" })).toBeVisible({ timeout: SWAGGER_RENDERS });
    await expect(page.getByRole("main")).toHaveCount(1);
    await page.getByRole("banner").getByRole("link", { name: "JWT Items" }).click();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("leads a signed-in user back to their items through the navigation", async ({ page, account: _account }) => {
    await page.goto("/docs");
    await page.getByRole("banner").getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Items" }).click();
    await expect(page).toHaveURL(/\/items$/);
    await expect(page.getByRole("heading", { level: 1, name: "Items" })).toBeVisible();
  });
});

test("no page load asks for anything that is not there", async ({ page, account: _account }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && !response.url().endsWith("/no-such-page")) missing.push(response.url());
  });
  page.on("console", (message) => {
    const { url } = message.location();
    if (/\b404\b/.test(message.text()) && !url.endsWith("/no-such-page")) missing.push(`console: ${message.text()} (${url})`);
  });
  for (const path of ["/items", "/account", "/docs", "/no-such-page"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // What the browser fetches beside the page, whether or not the page links it.
    const linked = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>("link[rel~=icon], link[rel=apple-touch-icon], link[rel=manifest]")].map((link) => link.href),
    );
    expect(linked.length, path).toBe(4);
    for (const url of [...linked, new URL("/favicon.ico", page.url()).href]) {
      const answer = await page.request.get(url);
      if (answer.status() !== 200) missing.push(`${path} → ${url} ${answer.status()}`);
    }
  }
  await page.context().clearCookies();
  for (const path of ["/login", "/signup", "/forgot-password"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("load");
  }
  expect(missing).toEqual([]);
});

test.describe("colour schemes", () => {
  test("every kind of page follows the visitor's scheme, light or dark", async ({ page, account: _account }) => {
    for (const path of ["/items", "/account", "/docs", "/no-such-page"]) {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(path);
      expect(await bodyColours(page), `${path} in light`).toEqual({ background: "rgb(246, 247, 249)", text: "rgb(27, 29, 33)" });
      await page.emulateMedia({ colorScheme: "dark" });
      expect(await bodyColours(page), `${path} in dark`).toEqual({ background: "rgb(17, 20, 24)", text: "rgb(231, 234, 238)" });
    }
  });

  test("the API explorer turns dark and back with the scheme", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/docs");
    await expect(page.getByRole("button", { name: /^POST \/api\/auth\/signup/ })).toBeVisible({ timeout: SWAGGER_RENDERS });
    // Swagger UI's own dark theme, which its stylesheet keys to a class on <html>.
    const explorer = page.locator(".swagger-ui").first();
    await expect(explorer).toHaveCSS("background-color", "rgb(28, 32, 34)");
    await expect(explorer).toHaveCSS("color", "rgb(228, 230, 230)");
    await page.emulateMedia({ colorScheme: "light" });
    await expect(page.locator("html")).not.toHaveClass(/dark-mode/);
    await expect(explorer).not.toHaveCSS("background-color", "rgb(28, 32, 34)");
  });

  test("the TOTP QR code stays dark on white in the dark scheme, where scanners read it", async ({ page, account }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/account");
    const panel = page.getByRole("region", { name: "Two-step sign-in" });
    await panel.getByRole("button", { name: "Set up two-step sign-in" }).click();
    const dialog = page.getByRole("dialog");
    const qr = panel.getByRole("img", { name: "QR code that adds this account to an authenticator app" });
    await expect(qr.or(dialog)).toBeVisible();
    if (await dialog.isVisible()) {
      await dialog.getByLabel("Password").fill(account.password);
      await dialog.getByRole("button", { name: "Continue" }).click();
    }
    await expect(qr).toBeVisible();
    await expect(qr).toHaveCSS("background-color", "rgb(255, 255, 255)");
    await expect(qr).toHaveCSS("filter", "none");
    // The pixels on screen: the quiet zone in the corner white, the finder pattern beside it black.
    const shot = await qr.screenshot({ animations: "disabled" });
    // The SVG's side in modules, its 2-module quiet zone included: the top-left finder
    // pattern's dark 3x3 centre is 5.5 modules in.
    const side = Number(/viewBox="0 0 (\d+) /.exec(decodeURIComponent((await qr.getAttribute("src")) ?? ""))?.[1]);
    expect(side).toBeGreaterThan(20);
    const pixels = await page.evaluate(async ({ png, finderAt }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d context");
      context.drawImage(image, 0, 0);
      const at = (fraction: number) => [...context.getImageData(Math.round(image.width * fraction), Math.round(image.height * fraction), 1, 1).data.slice(0, 3)];
      return { corner: at(0.03), finder: at(finderAt) };
    }, { png: shot.toString("base64"), finderAt: 5.5 / side });
    expect(pixels.corner.every((channel) => channel > 240), `corner ${pixels.corner.join(",")}`).toBe(true);
    expect(pixels.finder.every((channel) => channel < 40), `finder ${pixels.finder.join(",")}`).toBe(true);
  });
});
