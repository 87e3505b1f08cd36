// A change that worked is shown, not only read out (app/_components/status-message.tsx):
// the same message box on every signed-in page, at the bottom of the window, until it is
// dismissed by mouse or keyboard. It never takes focus, and it keeps its live region.
import type { Locator, Page } from "@playwright/test";
import { createItemsViaApi, expect, otherDevice, test } from "./fixtures";
import { activeSessions, addItem, itemsList, waitForItems } from "./pages";

/** The visible success message (the live region inside it) that says `text`. */
function statusMessage(page: Page, text: string) {
  return page.getByRole("status").filter({ hasText: text });
}

const dismissButton = (page: Page) => page.getByRole("button", { name: "Dismiss" });

/**
 * Reaches `target` with Tab alone, as a keyboard user would; fails if it never comes. The
 * element Tab left last is marked, for `tabbedFrom`.
 */
async function tabTo(page: Page, target: Locator, most = 150) {
  for (let pressed = 0; pressed < most; pressed += 1) {
    await page.evaluate(() => {
      document.querySelector("[data-tabbed-from]")?.removeAttribute("data-tabbed-from");
      document.activeElement?.setAttribute("data-tabbed-from", "");
    });
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** The element focus was on just before Tab reached the target (see tabTo). */
const tabbedFrom = (page: Page) => page.locator("[data-tabbed-from]");

test("adding, saving and deleting an item each show a message that stays until dismissed, and focus stays where the person is", async ({ page, account: _account, baseURL }) => {
  await createItemsViaApi(page.request, baseURL, [{ name: "Lamp", price: "25" }]);
  await page.goto("/items");
  await waitForItems(page);

  await addItem(page, { name: "Tea", price: "3" });
  await expect(statusMessage(page, "Added “Tea”.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Add an item" }).getByLabel("Name")).toBeFocused();
  // Dismissed with the mouse: gone, and nothing else moved.
  await dismissButton(page).click();
  await expect(statusMessage(page, "Added “Tea”.")).toHaveCount(0);
  await expect(dismissButton(page)).toHaveCount(0);

  // A change of price alone, the case that looked like nothing happened.
  await page.getByRole("button", { name: "Edit Lamp" }).click();
  const form = page.getByRole("form", { name: "Edit Lamp" });
  await form.getByLabel("Price").fill("26");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(statusMessage(page, "Saved “Lamp”.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit Lamp" })).toBeFocused();
  // Dismissed with the keyboard: Tab reaches Dismiss, Enter takes the message away, and
  // focus goes back where it came from.
  await tabTo(page, dismissButton(page));
  await page.keyboard.press("Enter");
  await expect(statusMessage(page, "Saved “Lamp”.")).toHaveCount(0);
  await expect(tabbedFrom(page)).toBeFocused();

  await page.getByRole("button", { name: "Delete Lamp" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(statusMessage(page, "Deleted “Lamp”.")).toBeVisible();
  await expect(itemsList(page).getByRole("listitem")).toHaveCount(1);
  await expect(itemsList(page).getByRole("listitem")).toBeFocused();
  // Escape, with focus in the message, dismisses it too.
  await tabTo(page, dismissButton(page));
  await page.keyboard.press("Escape");
  await expect(statusMessage(page, "Deleted “Lamp”.")).toHaveCount(0);
  await expect(tabbedFrom(page)).toBeFocused();
});

test("signing out the other devices says so on screen, and the message can be dismissed", async ({ page, account, baseURL }) => {
  const devices = [await otherDevice(baseURL, account), await otherDevice(baseURL, account)];
  await page.goto("/account");
  await expect(activeSessions(page)).toHaveCount(3);
  await page.getByRole("button", { name: "Sign out other devices" }).click();
  await expect(activeSessions(page)).toHaveCount(1);
  await expect(statusMessage(page, "Signed out all your other devices.")).toBeVisible();
  // Focus went to the sessions heading, as before: the message did not take it.
  await expect(page.getByRole("heading", { name: "Where you're signed in" })).toBeFocused();
  await tabTo(page, dismissButton(page));
  await page.keyboard.press("Enter");
  await expect(statusMessage(page, "Signed out all your other devices.")).toHaveCount(0);
  await expect(tabbedFrom(page)).toBeFocused();
  await Promise.all(devices.map((device) => device.dispose()));
});

test("a password change is reported by the same message box", async ({ page, account }) => {
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Change password" });
  await section.getByLabel("Current password").fill(account.password);
  await section.getByLabel("New password", { exact: true }).fill("a different long passphrase");
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(statusMessage(page, "Your password has been changed. Other devices were signed out.")).toBeVisible();
  await expect(dismissButton(page)).toBeVisible();
});

test("the message box takes its colours from the page's custom properties, so a dark scheme restyles it", async ({ page, account: _account }) => {
  await page.goto("/items");
  await waitForItems(page);
  await addItem(page, { name: "Tea", price: "3" });
  const box = page.locator(".status-message");
  await expect(box).toBeVisible();
  // What a dark scheme does: redefine the variables. Set through the CSSOM (the CSP allows no inline styles).
  await page.evaluate(() => {
    const root = document.documentElement.style;
    root.setProperty("--success-soft", "rgb(1, 2, 3)");
    root.setProperty("--success", "rgb(4, 5, 6)");
    root.setProperty("--text", "rgb(7, 8, 9)");
  });
  const colours = await box.evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, border: style.borderLeftColor, text: style.color };
  });
  expect(colours).toEqual({ background: "rgb(1, 2, 3)", border: "rgb(4, 5, 6)", text: "rgb(7, 8, 9)" });
});

test("the message goes when the person goes to another page", async ({ page, account: _account }) => {
  await page.goto("/items");
  await waitForItems(page);
  await addItem(page, { name: "Tea", price: "3" });
  await expect(statusMessage(page, "Added “Tea”.")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await expect(dismissButton(page)).toHaveCount(0);
});
