// What a person does on the pages, in their words: fill a labelled field, press a named
// button. Roles and labels only, never CSS selectors.
import type { Page } from "@playwright/test";
import { expect, type Account } from "./fixtures";

export function itemsList(page: Page) {
  return page.getByRole("list", { name: "Your items" });
}

/** The names of the items shown, in order. */
export function itemNames(page: Page) {
  return itemsList(page).getByRole("heading", { level: 3 });
}

/** Waits until the items list shows data (not skeletons, not a pending search). */
export async function waitForItems(page: Page): Promise<void> {
  await expect(itemsList(page)).toHaveAttribute("aria-busy", "false");
}

export async function addItem(page: Page, item: { name: string; price: string; description?: string }) {
  const form = page.getByRole("form", { name: "Add an item" });
  await form.getByLabel("Name").fill(item.name);
  await form.getByLabel("Price").fill(item.price);
  if (item.description) await form.getByLabel("Description").fill(item.description);
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added “${item.name}”` })).toBeAttached();
}

/** Signs in through the login form (waiting out the silent session check first). */
export async function signInThroughForm(page: Page, account: Pick<Account, "email" | "password">) {
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export function activeSessions(page: Page) {
  return page.getByRole("list", { name: "Active sessions" }).getByRole("listitem");
}
