import { expect, test } from "./fixtures";

test("the start page sends a signed-out visitor to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("the start page sends a signed-in user to their items", async ({ page, account: _account }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/items$/);
  await expect(page.getByRole("heading", { level: 1, name: "Items" })).toBeVisible();
});

test("a page visited with an expired access cookie resumes silently through the refresh cookie", async ({ page, account: _account }) => {
  await page.context().clearCookies({ name: "access_token" });
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
});
