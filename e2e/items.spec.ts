import { createItemsViaApi, expect, test } from "./fixtures";
import { addItem, itemNames, itemsList, waitForItems } from "./pages";

test("a new user sees an empty state that says what to do", async ({ page, account: _account }) => {
  await page.goto("/items");
  await waitForItems(page);
  await expect(page.getByText("No items yet")).toBeVisible();
  await expect(page.getByText("Add your first one above")).toBeVisible();
});

test("'load more' pages through the items without skipping or repeating any", async ({ page, account: _account, baseURL }) => {
  const names = Array.from({ length: 25 }, (_, i) => `Item ${String(i + 1).padStart(2, "0")}`);
  await createItemsViaApi(page.request, baseURL, names.map((name, i) => ({ name, price: `${i}.5` })));
  await page.goto("/items");
  await waitForItems(page);
  await expect(itemNames(page)).toHaveCount(20);
  await expect(page.getByText("20 items so far.")).toBeVisible();
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(itemNames(page)).toHaveCount(25);
  await expect(itemNames(page)).toHaveText([...names].reverse());
  // The button is gone with the last page; focus went to the first new row.
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  await expect(itemsList(page).getByRole("listitem").nth(20)).toBeFocused();
});

test("invalid values are explained next to their fields, before and after sending", async ({ page, account: _account }) => {
  await page.goto("/items");
  const form = page.getByRole("form", { name: "Add an item" });
  await form.getByLabel("Price").fill("12.345");
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(form.getByLabel("Name")).toBeFocused();
  await expect(form.getByLabel("Name")).toHaveAccessibleDescription(/.+/);
  await expect(form.getByLabel("Price")).toHaveAccessibleDescription(/.+/);

  await form.getByLabel("Price").fill("3");
  await addItem(page, { name: "Tea", price: "3" });
  await form.getByLabel("Name").fill("TEA");
  await form.getByLabel("Price").fill("4");
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(form.getByLabel("Name")).toHaveAccessibleDescription(/already have an item with this name/);
});

test("editing is done in place, and Escape gives focus back to the Edit button", async ({ page, account: _account, baseURL }) => {
  await createItemsViaApi(page.request, baseURL, [{ name: "Lamp", price: "25", description: "Desk lamp" }]);
  await page.goto("/items");
  await waitForItems(page);
  await page.getByRole("button", { name: "Edit Lamp" }).click();
  const form = page.getByRole("form", { name: "Edit Lamp" });
  await expect(form.getByLabel("Description")).toHaveValue("Desk lamp");
  await form.getByLabel("Price").fill("-1");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByLabel("Price")).toBeFocused();
  await expect(form.getByLabel("Price")).toHaveAccessibleDescription(/.+/);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Edit Lamp" })).toBeFocused();
  await expect(page.getByRole("listitem").filter({ hasText: "Lamp" })).toContainText("25.00");
});

test("deleting asks first, and can be backed out of with the keyboard", async ({ page, account: _account, baseURL }) => {
  await createItemsViaApi(page.request, baseURL, [{ name: "Vase", price: "10" }]);
  await page.goto("/items");
  await waitForItems(page);
  await page.getByRole("button", { name: "Delete Vase" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("group", { name: "Delete “Vase”? This can't be undone." })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Delete Vase" })).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Yes, delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(itemNames(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your items" })).toBeFocused();
  await expect(page.getByText("No items yet")).toBeVisible();
});
