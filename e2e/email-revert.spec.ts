// The owner's way back after someone else changed their email (docs/decisions/0039;
// README: Account recovery and email), in a real browser: the link in the notice mailed to the old
// address, read from the server's outbox, puts the address back, signs every device out, and
// a reset link arrives there. Each state of the page passes axe at both widths.
import type { Page, TestInfo } from "@playwright/test";
import { expect, newAccount, otherDevice, signUpViaApi, test } from "./fixtures";
import { expectNoAxeViolations, WIDTHS } from "./a11y";
import { signInThroughForm } from "./pages";
import { nextOutboxMail } from "./support/outbox";

/** The app's link in a mail, whole, as a person would click it. */
function linkIn(text: string, page: "/verify-email" | "/reset-password" | "/revert-email"): string {
  const match = new RegExp(`https?://\\S+${page}#token=[\\w%-]+`).exec(text);
  if (!match) throw new Error(`No ${page} link in:\n${text}`);
  return match[0];
}

/** The next mail to `to` in the outbox, which must have this subject. */
async function mailTo(baseURL: string | undefined, to: string, subject: string) {
  const mail = await nextOutboxMail(baseURL, to);
  expect(mail.subject).toBe(`${subject} · JWT Items`);
  return mail;
}

async function checkPage(page: Page, testInfo: TestInfo, name: string, settle: () => Promise<void>) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await settle();
    await expectNoAxeViolations(page);
    const path = `e2e/artifacts/${name}-${width}.png`;
    await page.screenshot({ path, fullPage: true, animations: "disabled" });
    await testInfo.attach(`${name}-${width}`, { path, contentType: "image/png" });
  }
}

test("the old address takes the account back: signed out everywhere, and a reset link arrives there", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(60_000);
  const account = newAccount("owner");
  const newEmail = newAccount("intruder").email;

  // Signed up through the API (the browser shares its cookies), then verified in the browser.
  await signUpViaApi(page.request, account);
  await page.goto(linkIn((await mailTo(baseURL, account.email, "Confirm your email address")).text, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeVisible();
  const laptop = await otherDevice(baseURL, account, "the owner's laptop");
  expect((await laptop.get("/api/auth/me")).status()).toBe(200);
  await mailTo(baseURL, account.email, "A sign-in from a new device");

  // The address changes (as whoever holds the session would change it).
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Change email" });
  await section.getByLabel("New email").fill(newEmail);
  await section.getByLabel("Current password").fill(account.password);
  await section.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Confirm the change" })).toContainText(`Confirm the change from the link we sent to ${newEmail}.`);
  await page.goto(linkIn((await mailTo(baseURL, newEmail, "Confirm your new email address")).text, "/verify-email"));
  await page.getByRole("button", { name: "Change my email" }).click();
  await expect(page.getByRole("main")).toContainText(newEmail);

  // The old address's notice carries the way back.
  const notice = await mailTo(baseURL, account.email, "Your email address was changed");
  expect(notice.text).toContain("This link works for 7 days, once.");
  const revertLink = linkIn(notice.text, "/revert-email");
  await page.goto(revertLink);
  const button = page.getByRole("button", { name: "Put my address back" });
  await checkPage(page, testInfo, "revert-email-ask", () => expect(button).toBeVisible());
  // The token leaves the address bar once the page has read it; opening the link changed nothing.
  await expect(page).toHaveURL(/\/revert-email$/);
  await expect(page.getByRole("main")).toContainText("every device signed in to the account is signed out");

  await button.click();
  await checkPage(page, testInfo, "revert-email-done", () =>
    expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeFocused(),
  );

  // Every device is signed out: this browser, and the laptop's session on the API.
  await page.goto("/items");
  await expect(page).toHaveURL(/\/login\?next=%2Fitems$/);
  const refused = await laptop.get("/api/auth/me");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).code).toBe("session_revoked");
  await laptop.dispose();

  // The reset link arrives at the old address, and sets a password that signs in there.
  const mail = await mailTo(baseURL, account.email, "Your email address was put back");
  await page.goto(linkIn(mail.text, "/reset-password"));
  const newPassword = "mine again, for good";
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reason=password-reset$/);
  await signInThroughForm(page, { email: account.email, password: newPassword });
  await expect(page).toHaveURL(/\/items$/);
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(account.email);

  // The link works once: opened again, the page says so.
  await page.goto("about:blank");
  await page.goto(revertLink);
  await page.getByRole("button", { name: "Put my address back" }).click();
  await checkPage(page, testInfo, "revert-email-dead", () =>
    expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeFocused(),
  );
});

test("the revert page without a token says the link is incomplete", async ({ page }, testInfo) => {
  await page.goto("/revert-email");
  await checkPage(page, testInfo, "revert-email-missing", () =>
    expect(page.getByRole("heading", { level: 1, name: "This link is incomplete" })).toBeVisible(),
  );
});
