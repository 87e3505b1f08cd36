// A heading that a script focuses keeps focus (screen readers start there, Tab goes on
// from there), but its ring shows only to someone using the keyboard: to a mouse user a
// blue box around a heading looks like a glitch (issue 23, item 4).
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const outlineOf = (element: Locator) => element.evaluate((node) => getComputedStyle(node).outlineStyle);

async function fillResetForm(page: Page) {
  await page.goto("/reset-password#token=not-a-token-this-server-issued");
  await page.getByLabel("New password", { exact: true }).fill("long enough passphrase");
  await page.getByLabel("New password again").fill("long enough passphrase");
}

test("a heading focused as the page opens has focus and no ring", async ({ page }) => {
  await page.goto("/verify-email");
  const heading = page.getByRole("heading", { level: 1, name: "This link is incomplete" });
  await expect(heading).toBeFocused();
  // Chromium counts this focus as :focus-visible (no input yet): the ring would show without
  // the page's own rule.
  expect(await heading.evaluate((node) => node.matches(":focus-visible"))).toBe(true);
  expect(await outlineOf(heading)).toBe("none");
});

test("after a mouse click, the heading that replaces the form has focus and no ring", async ({ page }) => {
  await fillResetForm(page);
  await page.getByRole("button", { name: "Set new password" }).click();
  const heading = page.getByRole("heading", { level: 1, name: "This link no longer works" });
  await expect(heading).toBeFocused();
  expect(await outlineOf(heading)).toBe("none");
});

test("after the keyboard, the same heading shows its focus ring", async ({ page }) => {
  await fillResetForm(page);
  await page.getByLabel("New password again").press("Enter");
  const heading = page.getByRole("heading", { level: 1, name: "This link no longer works" });
  await expect(heading).toBeFocused();
  expect(await outlineOf(heading)).toBe("solid");
});

test("a control reached with Tab keeps its ring", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  expect(await outlineOf(page.getByLabel("Password"))).toBe("solid");
});
