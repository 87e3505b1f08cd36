// Words the pages say once and say right (issue 23, item 6).
import type { Page } from "@playwright/test";
import { createItemsViaApi, expect, guardConsole, logInViaApi, test } from "./fixtures";
import { waitForItems } from "./pages";
import { mailedLink } from "./support/mailed-link";
import { nextOutboxMail } from "./support/outbox";

/** How many times `text` is on screen: rendered larger than the 1 px of a visually hidden live region. */
function timesOnScreen(page: Page, text: string): Promise<number> {
  return page.evaluate((wanted) => {
    const shown = [...document.querySelectorAll("main *")].filter((element) => {
      if (element.textContent?.trim() !== wanted) return false;
      const box = element.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && ![...element.children].some((child) => child.textContent?.trim() === wanted);
    });
    return shown.length;
  }, text);
}

test("a search that finds nothing says so once, not \"0 items matching\" and then \"No items match\"", async ({ page, account: _account, baseURL }) => {
  await createItemsViaApi(page.request, baseURL, [{ name: "Lamp", price: "25" }]);
  await page.goto("/items");
  await waitForItems(page);
  await page.getByRole("searchbox", { name: "Search by name" }).fill("zzz");
  await expect(page.getByText("No items match “zzz”.").first()).toBeVisible();
  expect(await timesOnScreen(page, "No items match “zzz”.")).toBe(1);
  await expect(page.getByText(/0 items matching/)).toHaveCount(0);
  // Screen readers still hear it from the list's live region.
  await expect(page.getByRole("status").filter({ hasText: "No items match “zzz”." })).toBeAttached();
  await page.getByRole("searchbox", { name: "Search by name" }).fill("lam");
  await expect(page.getByText("1 item matching “lam”.")).toBeVisible();
});

test("an empty password asks for one, instead of repeating the hint's 8 characters", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("empty-password@example.com");
  await page.getByRole("button", { name: "Create account" }).click();
  const password = page.getByLabel("Password");
  await expect(password).toHaveAccessibleDescription(/Enter a password\./);
  await expect(password).not.toHaveAccessibleDescription(/Use at least 8 characters/);
  await password.fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(password).toHaveAccessibleDescription(/Use at least 8 characters\./);
});

test("a confirmation link followed in another browser meanwhile says the address is confirmed, not that the link no longer works", async ({ page, account, baseURL, browser }) => {
  const link = mailedLink(await nextOutboxMail(baseURL, account.email), "/verify-email");
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Confirm my email address" })).toBeVisible();

  // The same person, signed in on another browser, follows the link there first.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  const checkOtherConsole = guardConsole(otherPage);
  await logInViaApi(other.request, account);
  await otherPage.goto(link);
  await otherPage.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(otherPage.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeVisible();
  checkOtherConsole();
  await other.close();

  // Back in the first browser, the link is used: what it was for is done, and the page says so.
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeFocused();
  await expect(page.getByRole("main")).toContainText(`${account.email}, the address of the account you're signed in as, is confirmed already.`);
  await expect(page.getByText("This link no longer works")).toHaveCount(0);
});
