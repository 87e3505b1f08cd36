// The password fields' show/hide toggle, and the server's reason for refusing a common
// password, shown beside the field it concerns (README, Passwords).
import { expect, newAccount, test } from "./fixtures";
import { WIDTHS } from "./a11y";

test("the signup password's toggle shows and hides it, keeping its value and the focus, without sending the form", async ({ page }) => {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/auth/signup")) sent.push(request.url());
  });
  await page.goto("/signup");
  const password = page.getByLabel("Password");
  const toggle = page.getByRole("button", { name: "Show password" });
  await password.fill("correct horse battery");
  await expect(password).toHaveAttribute("type", "password");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");

  await toggle.click();
  await expect(password).toHaveAttribute("type", "text");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(password).toHaveValue("correct horse battery");
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute("autocomplete", "new-password");

  // From the keyboard: the toggle is the stop after the field, and Space presses it.
  await page.keyboard.press("Tab");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Space");
  await expect(password).toHaveAttribute("type", "password");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(toggle).toBeFocused();
  await expect(password).toHaveValue("correct horse battery");
  expect(sent).toEqual([]);
});

test("a common password at signup is refused with the server's reason beside the field", async ({ page }, testInfo) => {
  const account = newAccount("common");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(account.email);
  const password = page.getByLabel("Password");
  await password.fill("Password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(password).toHaveAccessibleDescription(/too common: it appears in lists of leaked passwords/);
  await expect(password).toBeFocused();
  await expect(page).toHaveURL(/\/signup$/);

  await page.getByRole("button", { name: "Show password" }).click();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const path = `e2e/artifacts/signup-password-shown-${width}.png`;
    await page.screenshot({ path, fullPage: true, animations: "disabled" });
    await testInfo.attach(`signup-password-shown-${width}`, { path, contentType: "image/png" });
  }
});
