import type { Page } from "@playwright/test";
import { expect, guardConsole, logInViaApi, otherDevice, test } from "./fixtures";
import { activeSessions, addItem } from "./pages";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1";

test("the account page shows who you are and marks this device among the sessions", async ({ page, account, baseURL }) => {
  const phone = await otherDevice(baseURL, account, IPHONE);
  await page.goto("/account");
  const profile = page.getByRole("region", { name: "Profile" });
  await expect(profile).toContainText(account.name);
  await expect(profile).toContainText(account.email);
  await expect(activeSessions(page)).toHaveCount(2);
  await expect(activeSessions(page).filter({ hasText: "This device" })).toHaveCount(1);
  await expect(activeSessions(page).filter({ hasText: "Safari on iOS" })).toHaveCount(1);

  await page.getByRole("button", { name: /^Sign out Safari on iOS/ }).click();
  await expect(activeSessions(page)).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Where you're signed in" })).toBeFocused();
  await page.getByText("Recently ended sessions (1)").click();
  await expect(page.getByRole("list", { name: "Recently ended sessions" })).toContainText("Signed out from another device");
  await phone.dispose();
});

test("the profile card changes the display name, says it is saved, and can clear it", async ({ page, account }) => {
  await page.goto("/account");
  const profile = page.getByRole("region", { name: "Profile" });
  const field = profile.getByLabel("Display name");
  await expect(field).toHaveValue(account.name);
  await field.fill("  Grace Hopper  ");
  await profile.getByRole("button", { name: "Save name" }).click();
  // A visible status, not only a live region.
  const status = page.getByRole("status").filter({ hasText: "Saved." });
  await expect(status).toBeVisible();
  await expect(status).toHaveText("Saved. Your name is now “Grace Hopper”.");
  await expect(field).toHaveValue("Grace Hopper");
  await expect(profile.getByRole("definition").first()).toHaveText("Grace Hopper");
  await expect(page.getByRole("banner")).toContainText("Grace Hopper");
  await page.reload();
  await expect(profile.getByLabel("Display name")).toHaveValue("Grace Hopper");

  await profile.getByLabel("Display name").fill("");
  await profile.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toHaveText("Saved. Your name is cleared.");
  await expect(profile.getByRole("definition").first()).toHaveText("Not given");
  await expect(page.getByRole("banner")).toContainText(account.email);
  await expect(page.getByRole("banner")).not.toContainText("Grace Hopper");
});

test("signing out everywhere from a second browser ends the first one's session", async ({ page, account, browser }) => {
  await page.goto("/items");
  await expect(page.getByRole("heading", { level: 1, name: "Items" })).toBeVisible();

  const second = await browser.newContext();
  const secondPage = await second.newPage();
  const checkSecondConsole = guardConsole(secondPage);
  await logInViaApi(secondPage.request, account);
  await secondPage.goto("/account");
  await secondPage.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(secondPage).toHaveURL(/\/login\?reason=signed-out-everywhere$/);
  await expect(secondPage.getByText("You've signed out on every device.")).toBeVisible();
  checkSecondConsole();
  await second.close();

  // The first browser's next request is refused, and it lands on the login page.
  await addItemExpectingLogout(page);
  await expect(page).toHaveURL(/\/login\?next=%2Fitems&reason=session-ended$/);
  await expect(page.getByText("Your session has ended. Please sign in again.")).toBeVisible();
  await page.goto("/items");
  await expect(page).toHaveURL(/\/login\?next=%2Fitems/);
});

async function addItemExpectingLogout(page: Page) {
  const form = page.getByRole("form", { name: "Add an item" });
  await form.getByLabel("Name").fill("Never saved");
  await form.getByLabel("Price").fill("1");
  await form.getByRole("button", { name: "Add item" }).click();
}

test("changing the password keeps this device signed in and signs out the others", async ({ page, account, baseURL }) => {
  const phone = await otherDevice(baseURL, account);
  await page.goto("/account");
  await expect(activeSessions(page)).toHaveCount(2);
  const form = page.getByRole("region", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill("a brand new passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription("That isn't your current password.");
  await expect(form.getByLabel("Current password")).toBeFocused();

  await form.getByLabel("Current password").fill(account.password);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();
  await expect(activeSessions(page)).toHaveCount(1);
  await page.getByText("Recently ended sessions (1)").click();
  await expect(page.getByRole("list", { name: "Recently ended sessions" })).toContainText("Ended by a password change");
  expect((await phone.get("/api/auth/me")).status()).toBe(401);
  await phone.dispose();
  // Still signed in here.
  await page.goto("/items");
  await addItem(page, { name: "After the change", price: "2" });
});

test("sign out other devices leaves only this one", async ({ page, account, baseURL }) => {
  const phone = await otherDevice(baseURL, account);
  const tablet = await otherDevice(baseURL, account);
  await page.goto("/account");
  await expect(activeSessions(page)).toHaveCount(3);
  await page.getByRole("button", { name: "Sign out other devices" }).click();
  await expect(activeSessions(page)).toHaveCount(1);
  await expect(activeSessions(page)).toContainText("This device");
  await expect(page.getByRole("button", { name: "Sign out other devices" })).toHaveCount(0);
  await Promise.all([phone.dispose(), tablet.dispose()]);
});

test("deleting the account asks for the password, then signs out and cannot be undone", async ({ page, account }) => {
  await page.goto("/account");
  await page.getByRole("button", { name: "Delete account…" }).click();
  const password = page.getByLabel("Your password, to confirm");
  await expect(password).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Delete account…" })).toBeFocused();

  await page.getByRole("button", { name: "Delete account…" }).click();
  await password.fill("wrong password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(password).toHaveAccessibleDescription("That password isn't right.");
  await password.fill(account.password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login\?reason=account-deleted$/);
  await expect(page.getByText("Your account and all its items have been deleted.")).toBeVisible();
  const login = await page.request.post("/api/auth/login", { data: { email: account.email, password: account.password } });
  expect(login.status()).toBe(401);
});
