// The items and account pages arrive with their first data in the HTML: a browser
// without JavaScript already shows it, and a browser with JavaScript does not ask the
// API for it again after hydration (no second round trip, no skeleton in between).
import type { Page } from "@playwright/test";
import { createItemsViaApi, expect, otherDevice, test } from "./fixtures";
import { activeSessions, addItem, itemNames, itemsList, waitForItems } from "./pages";

const NAMES = ["Teapot", "Kettle", "Mug"];

/** The API requests the page makes from now on, as "GET /api/items?q=…". */
function recordApiRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/")) requests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return requests;
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the items page shows the first page of items, newest first, from its HTML alone", async ({ page, account: _account, baseURL }) => {
    await createItemsViaApi(page.request, baseURL, NAMES.map((name) => ({ name, price: "4" })));
    await page.goto("/items");
    await expect(itemNames(page)).toHaveText([...NAMES].reverse());
    await expect(itemsList(page)).toHaveAttribute("aria-busy", "false");
    await expect(page.getByRole("status").filter({ hasText: "3 items." })).toBeAttached();
  });

  test("the header's Sign out works from the HTML alone, before any script has run", async ({ page, account: _account }) => {
    await page.goto("/items");
    await page.getByRole("button", { name: "Sign out" }).click();
    // The logout endpoint answers the form's post with a redirect (see the report of
    // issue 12: a server change in app/api/auth/logout/route.ts).
    await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
    expect((await page.request.get("/api/auth/me")).status()).toBe(401);
  });

  test("the account page shows who you are and this device from its HTML alone", async ({ page, account }) => {
    await page.goto("/account");
    const profile = page.getByRole("region", { name: "Profile" });
    await expect(profile).toContainText(account.name);
    await expect(profile).toContainText(account.email);
    await expect(activeSessions(page)).toHaveCount(1);
    await expect(activeSessions(page).filter({ hasText: "This device" })).toHaveCount(1);
  });
});

test("the items page does not fetch the first page again, and fetches when the search changes", async ({ page, account: _account, baseURL }) => {
  await createItemsViaApi(page.request, baseURL, NAMES.map((name) => ({ name, price: "4" })));
  const requests = recordApiRequests(page);
  // Quiet network: the scripts have run and hydrated the page, and sent whatever they send on mount.
  await page.goto("/items", { waitUntil: "networkidle" });
  await expect(itemNames(page)).toHaveText([...NAMES].reverse());
  expect(requests).toEqual([]);

  await page.getByRole("searchbox", { name: "Search by name" }).fill("ke");
  await expect(itemNames(page)).toHaveText(["Kettle"]);
  await page.getByRole("searchbox", { name: "Search by name" }).fill("");
  await expect(itemNames(page)).toHaveText([...NAMES].reverse());
  expect(requests).toEqual(["GET /api/items?limit=20&q=ke&sort=-created", "GET /api/items?limit=20&sort=-created"]);
});

test("coming back to the items page with the back button shows the items added before leaving", async ({ page, account: _account }) => {
  await page.goto("/items");
  await waitForItems(page);
  await addItem(page, { name: "Added before leaving", price: "1" });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();

  // The router shows the page it kept from the first visit, then brings it up to date.
  await page.goBack();
  await expect(itemNames(page)).toHaveText(["Added before leaving"]);
});

test("the account page asks the API for neither the profile nor the sessions until something changes", async ({ page, account, baseURL }) => {
  const phone = await otherDevice(baseURL, account);
  const requests = recordApiRequests(page);
  await page.goto("/account", { waitUntil: "networkidle" });
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(account.email);
  await expect(activeSessions(page)).toHaveCount(2);
  expect(requests).toEqual([]);

  await page.getByRole("button", { name: "Sign out other devices" }).click();
  await expect(activeSessions(page)).toHaveCount(1);
  expect(requests.filter((request) => request.startsWith("GET"))).toEqual(["GET /api/auth/sessions?include=ended"]);
  await phone.dispose();
});

test("coming back to the account page with the back button shows the sessions ended before leaving", async ({ page, account, baseURL }) => {
  const phone = await otherDevice(baseURL, account);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out other devices" }).click();
  await expect(activeSessions(page)).toHaveCount(1);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Items" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Items" })).toBeVisible();

  await page.goBack();
  await expect(activeSessions(page)).toHaveCount(1);
  await phone.dispose();
});

test.describe("in a time zone far from the server's", () => {
  // UTC+5:45, where the server is most unlikely to be: its HTML and the browser's render differ.
  test.use({ timezoneId: "Asia/Kathmandu" });

  test("the account page shows session times on the reader's clock, and hydrates without a mismatch", async ({ page, account: _account }) => {
    const { sessions } = (await (await page.request.get("/api/auth/sessions")).json()) as { sessions: { createdAt: string }[] };
    const signedIn = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Kathmandu" });
    await page.goto("/account");
    await expect(activeSessions(page)).toContainText(`Signed in ${signedIn.format(new Date(sessions[0]?.createdAt ?? ""))}`);
  });
});
