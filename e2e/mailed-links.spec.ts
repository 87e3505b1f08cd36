// The pages behind mailed links, on the real mail path: an SMTP server inside this test
// process (tests/helpers/smtp.ts, as the Vitest suite uses it) and an app server of this
// spec's own with SMTP_URL pointing at it and APP_ORIGIN at itself, so every link is
// opened exactly as it arrived in the mail.
import type { Page } from "@playwright/test";
import { linkToken, startMailCatcher, type MailCatcher } from "../tests/helpers/smtp";
import { expect, newAccount, signUpViaApi, test } from "./fixtures";
import { signInThroughForm } from "./pages";
import { mailedLink } from "./support/mailed-link";
import { startServer, type ServerProcess } from "./support/server-process";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const ORIGIN = `http://127.0.0.1:${PORT}`;
test.use({ baseURL: ORIGIN });

let mailbox: MailCatcher;
let server: ServerProcess;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  mailbox = await startMailCatcher();
  server = await startServer(PORT, { PGLITE_DATA_DIR: "memory://", SMTP_URL: mailbox.url, APP_ORIGIN: ORIGIN });
});
test.afterAll(async () => {
  await server?.stop();
  await mailbox?.close();
});

/** The next mail to `to`, which must be the one with that subject. */
async function mailTo(to: string, subject: string) {
  const mail = await mailbox.next(to, 10_000);
  expect(mail.subject).toContain(subject);
  return mail;
}

const banner = (page: Page) => page.getByRole("region", { name: "Email confirmation" });

test("a forgotten password is replaced through the mailed link, which then signs in and works only once", async ({ page }) => {
  const account = newAccount("reset");
  await signUpViaApi(page.request, account);
  await mailTo(account.email, "Confirm your email address");
  await page.context().clearCookies();

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/forgot-password`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeFocused();
  await expect(page.getByRole("main")).toContainText("The link works for 30 minutes, once.");

  const link = mailedLink(await mailTo(account.email, "Reset your password"), "/reset-password");
  expect(link.startsWith(`${ORIGIN}/reset-password#token=`)).toBe(true);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  // The token leaves the address bar (and so the history) once the page has read it.
  await expect(page).toHaveURL(`${ORIGIN}/reset-password`);

  const newPassword = "a brand new passphrase";
  const resets: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/password/reset")) resets.push(request.url());
  });
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill("a different passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByLabel("New password again")).toHaveAccessibleDescription(/The two passwords don't match/);
  await expect(page.getByLabel("New password again")).toBeFocused();
  expect(resets).toEqual([]);

  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/login?reason=password-reset`);
  await expect(page.getByText("Your password is reset. Sign in with the new one.")).toBeVisible();
  await signInThroughForm(page, { email: account.email, password: newPassword });
  await expect(page).toHaveURL(`${ORIGIN}/items`);
  await expect(page.getByRole("heading", { level: 1, name: "Items" })).toBeVisible();

  // Following the same link again, to set yet another password, is refused in words.
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("yet another passphrase");
  await page.getByLabel("New password again").fill("yet another passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
});

const confirmation = (page: Page) => page.getByRole("heading", { level: 1, name: "Confirm your email address" });

test("the signup mail's link confirms the address once the button says so, and the reminder on the pages goes away", async ({ page }) => {
  const account = newAccount("verify");
  await signUpViaApi(page.request, account);
  const first = await mailTo(account.email, "Confirm your email address");

  await page.goto("/items");
  await expect(banner(page)).toContainText(`Confirm your email address: we sent a link to ${account.email}.`);
  await banner(page).getByRole("button", { name: "Resend" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent." })).toBeVisible();
  const second = await mailTo(account.email, "Confirm your email address");
  expect(linkToken(second, "/verify-email")).not.toBe(linkToken(first, "/verify-email"));

  // The resent link replaced the first one: the page says so once asked to confirm.
  await page.goto(mailedLink(first, "/verify-email"));
  await expect(confirmation(page)).toBeVisible();
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Send a new link" })).toBeVisible();

  // Opening the link changes nothing: it says what will happen, to which account.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/email/verify")) posts.push(request.url());
  });
  await page.goto(mailedLink(second, "/verify-email"));
  await expect(page).toHaveURL(`${ORIGIN}/verify-email`);
  await expect(page.getByRole("main")).toContainText(
    `Confirm that you read mail at this address, for the account you're signed in as: ${account.email}.`,
  );
  expect(posts).toEqual([]);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeFocused();
  await expect(page.getByRole("main")).toContainText(account.email);
  expect(posts).toHaveLength(1);

  // The link again, used (a fresh load, as from the mail): the address is confirmed, and the page says so.
  await page.goto("about:blank");
  await page.goto(mailedLink(second, "/verify-email"));
  await expect(page.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("is confirmed already");
  await page.getByRole("link", { name: "Go to your items" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Items" })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});

test("a new email address takes over once the link mailed to it is confirmed in the account", async ({ page }) => {
  const account = newAccount("mover");
  const newEmail = newAccount("moved").email;
  await signUpViaApi(page.request, account);
  await page.goto(mailedLink(await mailTo(account.email, "Confirm your email address"), "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeVisible();

  await page.goto("/account");
  const section = page.getByRole("region", { name: "Change email" });
  await section.getByLabel("New email").fill(newEmail);
  await section.getByLabel("Current password").fill("not my password");
  await section.getByRole("button", { name: "Change email" }).click();
  await expect(section.getByLabel("Current password")).toHaveAccessibleDescription("That isn't your current password.");
  await expect(section.getByLabel("Current password")).toBeFocused();

  await section.getByLabel("Current password").fill(account.password);
  await section.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Confirm the change from the link we sent to ${newEmail}.` })).toBeVisible();
  // Until then the old address stays, and the page remembers the change it waits for.
  await page.reload();
  await expect(section).toContainText(`Waiting for confirmation: ${newEmail}.`);
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(account.email);

  await page.goto(mailedLink(await mailTo(newEmail, "Confirm your new email address"), "/verify-email"));
  await expect(page.getByRole("heading", { level: 1, name: "Change your email address" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`Change this account's email from ${account.email} to ${newEmail}.`);
  await page.getByRole("button", { name: "Change my email" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(newEmail);
  await mailTo(account.email, "Your email address was changed");
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(newEmail);
  await expect(section).not.toContainText("Waiting for confirmation");
  await expect(banner(page)).toHaveCount(0);
});

test("a link opened signed out waits through sign-in, and one opened in another account's session says so", async ({ page }) => {
  const owner = newAccount("owner");
  const other = newAccount("other");
  await signUpViaApi(page.request, owner);
  const link = mailedLink(await mailTo(owner.email, "Confirm your email address"), "/verify-email");
  await signUpViaApi(page.request, other);
  await mailTo(other.email, "Confirm your email address");
  await page.context().clearCookies();

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to confirm your email address" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/login?next=%2Fverify-email`);
  // Signed in as the wrong one: the link is refused, not used up, and the page names the account.
  await signInThroughForm(page, other);
  await expect(page).toHaveURL(`${ORIGIN}/verify-email`);
  await expect(page.getByRole("main")).toContainText(`for the account you're signed in as: ${other.email}.`);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "This link is for another account" })).toBeFocused();
  await expect(page.getByRole("main")).toContainText(`You're signed in as ${other.email}`);

  await page.getByRole("button", { name: "Sign out and switch account" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/login?next=%2Fverify-email`);
  await signInThroughForm(page, owner);
  await expect(page.getByRole("main")).toContainText(`for the account you're signed in as: ${owner.email}.`);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your email address is confirmed" })).toBeFocused();
  await expect(page.getByRole("main")).toContainText(owner.email);
});
