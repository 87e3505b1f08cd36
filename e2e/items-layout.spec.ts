// A long description on a phone: under the item's name, across the row's whole width,
// not squeezed into a column beside the price (issue 23, item 3). Screenshots at a
// phone's and a laptop's width go to e2e/artifacts/ for people to look at.
import type { Page } from "@playwright/test";
import { createItemsViaApi, expect, test } from "./fixtures";
import { itemsList, waitForItems } from "./pages";

const LONG_DESCRIPTION = (
  "Hand-thrown stoneware teapot with a cane handle, a built-in strainer and a lid that stays put while pouring. " +
  "It holds about a litre, enough for four cups, and keeps the tea warm for a good while. "
).repeat(4).slice(0, 750);

async function rowBoxes(page: Page, name: string) {
  const row = itemsList(page).getByRole("listitem").filter({ hasText: name });
  const [rowBox, nameBox, descriptionBox, priceBox] = await Promise.all([
    row.boundingBox(),
    row.getByRole("heading", { name }).boundingBox(),
    row.getByText(LONG_DESCRIPTION).boundingBox(),
    row.getByText("149.00").boundingBox(),
  ]);
  if (!rowBox || !nameBox || !descriptionBox || !priceBox) throw new Error("a part of the row is not rendered");
  return { row: rowBox, name: nameBox, description: descriptionBox, price: priceBox };
}

test.beforeEach(async ({ page, account: _account, baseURL }) => {
  expect(LONG_DESCRIPTION).toHaveLength(750);
  await createItemsViaApi(page.request, baseURL, [
    { name: "Teapot", price: "149", description: LONG_DESCRIPTION },
    { name: "Tea towel", price: "8.5", description: "Linen." },
  ]);
});

test("at 375 px a 750-character description runs under the name across the row's width", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/items");
  await waitForItems(page);
  const boxes = await rowBoxes(page, "Teapot");
  // The row's own padding is a few pixels each side; the description takes the rest.
  expect(boxes.description.width).toBeGreaterThan(boxes.row.width - 16);
  expect(boxes.description.y).toBeGreaterThanOrEqual(boxes.name.y + boxes.name.height - 1);
  // The price stays on the name's line, at the right.
  expect(boxes.price.y).toBeLessThan(boxes.name.y + boxes.name.height);
  expect(boxes.price.x).toBeGreaterThan(boxes.name.x + boxes.name.width - 1);
  // 750 characters across ~330 px is about 17 lines, not the 50 of a 110 px column.
  expect(boxes.description.height).toBeLessThan(30 * 20);
  await page.screenshot({ path: "e2e/artifacts/items-long-description-375.png", fullPage: true, animations: "disabled" });
});

test("at 1280 px the description stays beside the price in the name's column", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/items");
  await waitForItems(page);
  const boxes = await rowBoxes(page, "Teapot");
  expect(boxes.description.x).toBeCloseTo(boxes.name.x, 0);
  expect(boxes.description.x + boxes.description.width).toBeLessThanOrEqual(boxes.price.x);
  await page.screenshot({ path: "e2e/artifacts/items-long-description-1280.png", fullPage: true, animations: "disabled" });
});

test("the success message at both widths, for people to look at", async ({ page }) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/items");
    await waitForItems(page);
    await page.getByRole("button", { name: "Edit Tea towel" }).click();
    const form = page.getByRole("form", { name: "Edit Tea towel" });
    await form.getByLabel("Price").fill("9");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved “Tea towel”." })).toBeVisible();
    await page.screenshot({ path: `e2e/artifacts/status-message-${width}.png`, animations: "disabled" });
  }
});
