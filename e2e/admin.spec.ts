import { expect, newAccount, signUpViaApi, test } from "./fixtures";
import { signInAsAdmin } from "./admin";

test("a user who is not an admin is told plainly that the page is not for them", async ({ page, account }) => {
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(account.email);
  await expect(page.getByRole("link", { name: "Go to your items" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("the users page answers a user who is not an admin with status 403, as the API does", async ({ page, account: _account }) => {
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  expect((await page.request.get("/api/users")).status()).toBe(403);
});

test("an admin sees every user, with roles", async ({ page, browser, baseURL }) => {
  const someone = newAccount("listed", "Listed Person");
  const other = await browser.newContext();
  await signUpViaApi(other.request, someone);
  await other.close();

  await signInAsAdmin(page, baseURL);
  await page.goto("/items");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const table = page.getByRole("table", { name: "All users" });
  const listed = table.getByRole("row").filter({ hasText: someone.email });
  await expect(listed).toContainText("Listed Person");
  await expect(listed.getByRole("cell", { name: "User", exact: true })).toBeVisible();
  const admin = table.getByRole("row").filter({ hasText: "admin@example.com" });
  await expect(admin.getByRole("cell", { name: "Admin", exact: true })).toBeVisible();
});
