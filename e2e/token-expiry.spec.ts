// Runs against the second server, whose access tokens (and access cookies) live only
// 3 seconds: the refresh session has to carry the user along without them noticing.
import type { Page } from "@playwright/test";
import { expect, otherDevice, test } from "./fixtures";
import { activeSessions, addItem, itemNames, waitForItems } from "./pages";

const PAST_EXPIRY_MS = 4_000;


test("an access token that expires while the page is open is refreshed without the user noticing", async ({ page, account: _account }) => {
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
  });
  await page.goto("/items");
  await addItem(page, { name: "Before expiry", price: "1" });

  await page.waitForTimeout(PAST_EXPIRY_MS);
  await addItem(page, { name: "After expiry", price: "2" });
  await page.waitForTimeout(PAST_EXPIRY_MS);
  await page.getByRole("searchbox", { name: "Search by name" }).fill("expiry");
  await waitForItems(page);
  await expect(itemNames(page)).toHaveText(["After expiry", "Before expiry"]);
  // Never sent to the login page: the API calls refreshed and retried by themselves.
  expect(visited).not.toContain("/login");
});

test("after expiry, concurrent requests share one refresh", async ({ page, account, baseURL }) => {
  const devices = [await otherDevice(baseURL, account), await otherDevice(baseURL, account)];
  await page.goto("/account");
  await expect(activeSessions(page)).toHaveCount(3);
  await page.waitForTimeout(PAST_EXPIRY_MS);
  const refreshes: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/refresh")) refreshes.push(request.method());
  });
  // One DELETE (it used to be one per device), then the list's reload: one refresh for all.
  await page.getByRole("button", { name: "Sign out other devices" }).click();
  await expect(activeSessions(page)).toHaveCount(1);
  expect(refreshes).toEqual(["POST"]);
  await Promise.all(devices.map((device) => device.dispose()));
});

test("a page visited after expiry goes through the login page's silent refresh to where it was headed", async ({ page, account: _account }) => {
  await page.goto("/items");
  await waitForItems(page);
  await page.waitForTimeout(PAST_EXPIRY_MS);
  // The session hint is still there (it lives as long as the refresh cookie), so the login
  // page refreshes; a signed-out browser would not (e2e/signed-out-refresh.spec.ts).
  const refreshes: number[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/api/auth/refresh") refreshes.push(response.status());
  });
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();

  await page.waitForTimeout(PAST_EXPIRY_MS);
  await page.goto("/items");
  await expect(page).toHaveURL(/\/items$/);
  await expect(page.getByRole("heading", { level: 1, name: "Items" })).toBeVisible();
  // Middleware sent each request to /login, whose silent refresh went straight on.
  expect(visited).toContain("/login");
  expect(refreshes.length).toBeGreaterThanOrEqual(2);
  expect(refreshes.every((status) => status === 200)).toBe(true);
});

/** The API answers the page receives from now on that refused it as unauthenticated. */
function recordRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 401) refused.push(new URL(response.url()).pathname);
  });
  return refused;
}

test("once the page knows when its token expires, it refreshes ahead instead of being refused", async ({ page, account: _account }) => {
  await page.goto("/items");
  await waitForItems(page);
  // Signed in through the API, the page has not seen a grant yet: the first expiry is
  // found out the old way, and the refresh's answer says when the next one comes.
  await page.waitForTimeout(PAST_EXPIRY_MS);
  await addItem(page, { name: "Learns the expiry", price: "1" });

  await page.waitForTimeout(PAST_EXPIRY_MS);
  const refused = recordRefusals(page);
  await addItem(page, { name: "Refreshed ahead", price: "2" });
  await waitForItems(page);
  expect(refused).toEqual([]);
});

test("two tabs whose token has expired share one refresh", async ({ page, account: _account, context }) => {
  const other = await context.newPage();
  await Promise.all([page.goto("/items"), other.goto("/items")]);
  await Promise.all([waitForItems(page), waitForItems(other)]);
  await page.waitForTimeout(PAST_EXPIRY_MS);
  const refreshes: string[] = [];
  context.on("request", (request) => {
    if (request.url().endsWith("/api/auth/refresh")) refreshes.push(request.method());
  });
  const search = (tab: Page) => tab.getByRole("searchbox", { name: "Search by name" }).fill("nothing like this");
  await Promise.all([search(page), search(other)]);
  // The empty state says it on screen (the list's live region holds the same words).
  const noMatch = (tab: Page) => tab.getByRole("paragraph").filter({ hasText: "No items match “nothing like this”." });
  await expect(noMatch(page)).toBeVisible();
  await expect(noMatch(other)).toBeVisible();
  expect(refreshes).toEqual(["POST"]);
  await other.close();
});
