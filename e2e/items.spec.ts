import type { Page } from "@playwright/test";
import { createItemsViaApi, deleteItemViaApi, expect, findItemViaApi, otherDevice, test, updateItemViaApi } from "./fixtures";
import { addItem, itemNames, itemsList, waitForItems } from "./pages";

/**
 * Opens an item's edit form and waits until it has loaded the item's version (ETag):
 * a change made elsewhere after this point is one the form has not seen.
 */
async function openEditForm(page: Page, name: string) {
  const loaded = page.waitForResponse((response) => {
    const isItem = /^\/api\/items\/[^/]+$/.test(new URL(response.url()).pathname);
    return isItem && response.request().method() === "GET";
  });
  await page.getByRole("button", { name: `Edit ${name}` }).click();
  expect((await loaded).status()).toBe(200);
  return page.getByRole("form", { name: `Edit ${name}` });
}

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

test("a save that would overwrite a change made elsewhere shows the latest version instead", async ({ page, account, baseURL }) => {
  await createItemsViaApi(page.request, baseURL, [{ name: "Lamp", price: "25", description: "Desk lamp" }]);
  await page.goto("/items");
  await waitForItems(page);
  const form = await openEditForm(page, "Lamp");
  const phone = await otherDevice(baseURL, account);
  await updateItemViaApi(phone, baseURL, "Lamp", { price: "30" });
  await phone.dispose();

  await form.getByLabel("Description").fill("Brass desk lamp");
  await form.getByRole("button", { name: "Save" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText("This item was changed somewhere else. Here is the latest version: review it and save again.");
  await expect(alert).toBeFocused();
  await expect(form.getByLabel("Price")).toHaveValue("30.00");
  await expect(form.getByLabel("Description")).toHaveValue("Desk lamp");
  expect(await findItemViaApi(page.request, "Lamp")).toMatchObject({ price: "30.00", description: "Desk lamp" });

  await form.getByLabel("Description").fill("Brass desk lamp");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved “Lamp”." })).toBeAttached();
  await expect(page.getByRole("button", { name: "Edit Lamp" })).toBeFocused();
  const row = itemsList(page).getByRole("listitem").filter({ hasText: "Lamp" });
  await expect(row).toContainText("30.00");
  await expect(row).toContainText("Brass desk lamp");
  expect(await findItemViaApi(page.request, "Lamp")).toMatchObject({ price: "30.00", description: "Brass desk lamp" });
});

test("the edit form opens with the latest values when the list is behind", async ({ page, account: _account, baseURL }) => {
  await createItemsViaApi(page.request, baseURL, [{ name: "Rug", price: "80" }]);
  await page.goto("/items");
  await waitForItems(page);
  await updateItemViaApi(page.request, baseURL, "Rug", { price: "95", description: "Wool" });

  const form = await openEditForm(page, "Rug");
  await expect(form.getByRole("status")).toContainText("changed somewhere else since the list was loaded");
  await expect(form.getByLabel("Price")).toHaveValue("95.00");
  await expect(form.getByLabel("Description")).toHaveValue("Wool");
  await expect(form.getByLabel("Name")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(itemsList(page).getByRole("listitem").filter({ hasText: "Rug" })).toContainText("95.00");
});

test("saving an item deleted elsewhere says so and removes its row", async ({ page, account: _account, baseURL }) => {
  await createItemsViaApi(page.request, baseURL, [{ name: "Vase", price: "10" }]);
  await page.goto("/items");
  await waitForItems(page);
  const form = await openEditForm(page, "Vase");
  await deleteItemViaApi(page.request, baseURL, "Vase");

  await form.getByLabel("Price").fill("12");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“Vase” was deleted somewhere else, so it has been removed from the list." })).toBeVisible();
  await expect(itemNames(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your items" })).toBeFocused();
});

test("the search and sort are in the page's address, so a reload or a shared link shows the same list", async ({ page, account: _account, baseURL }) => {
  await createItemsViaApi(page.request, baseURL, ["Tea cup", "Teapot", "Kettle"].map((name, i) => ({ name, price: `${i + 1}` })));
  await page.goto("/items");
  await waitForItems(page);
  await page.getByRole("searchbox", { name: "Search by name" }).fill("tea");
  await page.getByRole("combobox", { name: "Sort" }).selectOption({ label: "Name, Z to A" });
  await expect(page).toHaveURL(/\/items\?q=tea&sort=-name$/);
  await waitForItems(page);
  await expect(itemNames(page)).toHaveText(["Teapot", "Tea cup"]);

  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search by name" })).toHaveValue("tea");
  await expect(page.getByRole("combobox", { name: "Sort" })).toHaveValue("-name");
  await expect(itemNames(page)).toHaveText(["Teapot", "Tea cup"]);

  // The defaults leave the address plain.
  await page.getByRole("searchbox", { name: "Search by name" }).fill("");
  await page.getByRole("combobox", { name: "Sort" }).selectOption({ label: "Newest first" });
  await expect(page).toHaveURL(/\/items$/);
  await expect(itemNames(page)).toHaveText(["Kettle", "Teapot", "Tea cup"]);
});

test("a new item appears where the database's order puts it, as the API lists them", async ({ page, account: _account, baseURL }) => {
  // Case, accents and digits: where a JavaScript comparison of names and the database's
  // collation may disagree.
  const names = ["apple", "Banana", "éclair", "Zebra", "item 10", "Item 9"];
  await createItemsViaApi(page.request, baseURL, names.map((name) => ({ name, price: "1" })));
  await page.goto("/items?sort=name");
  await waitForItems(page);
  await addItem(page, { name: "Éclat", price: "2" });
  await addItem(page, { name: "banana split", price: "3" });
  await waitForItems(page);
  const listed = (await (await page.request.get("/api/items?sort=name")).json()) as { items: { name: string }[] };
  await expect(itemNames(page)).toHaveText(listed.items.map((item) => item.name));
});
