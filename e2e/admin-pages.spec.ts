// The pages of issue 21 in Chromium: an admin finds a user, disables them (the user's open
// page is signed out at its next request) and enables them again; the audit page filters
// by user and type; a user reads their security activity and uses "This wasn't me". Each
// page is scanned by axe at a phone's and a laptop's width and photographed for people to
// look at (SCREENS_DIR, default e2e/artifacts/).
import type { Page } from "@playwright/test";
import { expect, guardConsole, newAccount, otherDevice, signUpViaApi, test, type Account } from "./fixtures";
import { expectNoAxeViolations, SCHEMES, WIDTHS } from "./a11y";
import { ADMIN, signInAsAdmin } from "./admin";
import { signInThroughForm } from "./pages";
import { auth, callApi } from "./support/api";
import { nextOutboxMail } from "./support/outbox";

const SCREENS = process.env.SCREENS_DIR ?? "e2e/artifacts";

/** Scans the page with axe in each colour scheme at each width, and photographs it. */
async function checkPage(page: Page, name: string, settle: () => Promise<void>) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await settle();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `${SCREENS}/${name}-${scheme}-${width}.png`, fullPage: true, animations: "disabled" });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** The next mail to `to` whose subject says `subject` (skipping others, such as the signup's). */
async function mailAbout(baseURL: string | undefined, to: string, subject: string) {
  for (let read = 0; read < 5; read++) {
    const mail = await nextOutboxMail(baseURL, to);
    if (mail.subject.includes(subject)) return mail;
  }
  throw new Error(`no mail "${subject}" to ${to}`);
}

const statusNotice = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

/** A user signed in in a browser context of their own, with its page open on /items. */
async function signedInElsewhere(browser: import("@playwright/test").Browser, account: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const checkConsole = guardConsole(page);
  await signUpViaApi(page.request, account);
  await page.goto("/items");
  await expect(page.getByRole("heading", { level: 1, name: "Items" })).toBeVisible();
  return { context, page, checkConsole };
}

test("an admin finds a user, disables them with a reason, which signs out their open page at its next request, and enables them again", async ({
  page,
  browser,
  baseURL,
}) => {
  const someone = newAccount("disable-me", "Dee Sabled");
  const user = await signedInElsewhere(browser, someone);

  await signInAsAdmin(page, baseURL);
  await page.goto("/admin/users");
  await page.getByLabel("Search by email").fill(someone.email.slice(0, 20).toUpperCase());
  const table = page.getByRole("table", { name: "All users" });
  await expect(table.getByRole("row")).toHaveCount(2);
  const row = table.getByRole("row").filter({ hasText: someone.email });
  await expect(row.getByRole("cell", { name: "Active" })).toBeVisible();
  await expect(statusNotice(page, `1 user matching “${someone.email.slice(0, 20).toUpperCase()}” shown.`)).toBeAttached();
  await checkPage(page, "admin-users-search", () => expect(table.getByRole("row")).toHaveCount(2));
  await row.getByRole("link", { name: `Dee Sabled, ${someone.email}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Dee Sabled" })).toBeVisible();
  const facts = page.getByRole("region", { name: "Account" });
  await expect(facts).toContainText("Active");
  await expect(facts).toContainText("Signed in on1 device");
  // Their sign-up is the first event of the trail about them.
  const recent = page.getByRole("region", { name: "Recent events" });
  await checkPage(page, "admin-user", () => expect(recent.getByText("Account created")).toBeVisible());

  await page.getByRole("button", { name: "Disable…" }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${someone.email}?` });
  await expect(dialog).toContainText("They are signed out at once on every device (1 device now)");
  await expect(dialog.getByLabel("Reason")).toBeFocused();
  // Nothing happens without a reason: the form says so by the field.
  await dialog.getByRole("button", { name: "Disable the account" }).click();
  await expect(dialog.getByLabel("Reason")).toHaveAccessibleDescription(/Say why/);
  await checkPage(page, "admin-user-disable-dialog", () => expect(dialog).toBeVisible());
  await dialog.getByLabel("Reason").fill("Reported for spam; looking into it.");
  await dialog.getByRole("button", { name: "Disable the account" }).click();

  await expect(dialog).toBeHidden();
  const result = statusNotice(page, `Disabled ${someone.email}: every session ended`);
  await expect(result).toBeVisible();
  // The dialog's button is gone (Disable became Enable): focus is on the user's heading,
  // and the message, which takes no focus, says what happened.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(facts).toContainText("Disabled");
  await expect(facts).toContainText("“Reported for spam; looking into it.”");
  await expect(facts).toContainText("Signed in onNo devices");
  const events = page.getByRole("list", { name: `Events of ${someone.email}` });
  await expect(events.getByRole("listitem").first()).toContainText("Account disabled");
  await expect(events.getByRole("listitem").first()).toContainText("Reason: “Reported for spam; looking into it.”");
  await expect(page.getByRole("button", { name: "Disable…" })).toHaveCount(0);
  await checkPage(page, "admin-user-disabled", () => expect(result).toBeVisible());

  // The user's page, open since before: its next request finds the session ended.
  await user.page.reload();
  await expect(user.page).toHaveURL(/\/login/);
  await expect(user.page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await signInThroughForm(user.page, someone);
  // The login page has a second alert region, the passkey button's, which stays empty.
  await expect(user.page.getByRole("main").getByRole("alert").filter({ hasText: /disabled/i })).toBeVisible();

  await page.getByRole("button", { name: "Enable…" }).click();
  const enable = page.getByRole("dialog", { name: `Enable ${someone.email}?` });
  await enable.getByLabel("Reason").fill("Not spam after all.");
  await enable.getByRole("button", { name: "Enable the account" }).click();
  await expect(statusNotice(page, `Enabled ${someone.email}`)).toBeVisible();
  await expect(facts).toContainText("Active");
  await expect(events.getByRole("listitem").first()).toContainText("Account enabled again");

  // Enabled: the same form signs in now.
  await user.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(user.page).toHaveURL(/\/items/);
  user.checkConsole();
  await user.context.close();
});

test("an admin cannot disable their own account, and signing a user out everywhere mails them the reason", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAsAdmin(page, baseURL);
  await page.goto("/admin/users");
  await page.getByLabel("Search by email").fill(ADMIN.email);
  await page.getByLabel("Search by email").press("Enter");
  await page.getByRole("table", { name: "All users" }).getByRole("link", { name: new RegExp(ADMIN.email) }).click();
  await expect(page.getByRole("heading", { level: 1, name: ADMIN.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Disable…" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Actions" })).toContainText("You can't disable your own account.");

  // Signing a user out everywhere: the dialog says whom, the user is mailed the reason.
  const someone = newAccount("end-sessions", "Sess Ions");
  const user = await signedInElsewhere(browser, someone);
  await page.goto("/admin/users");
  await page.getByLabel("Search by email").fill(someone.email);
  await page.getByRole("table", { name: "All users" }).getByRole("link", { name: new RegExp(someone.email) }).click();
  await page.getByRole("button", { name: "Sign out everywhere…" }).click();
  const dialog = page.getByRole("dialog", { name: `Sign ${someone.email} out everywhere?` });
  await expect(dialog).toContainText("Every session of");
  await dialog.getByLabel("Reason").fill("Lost laptop reported by phone.");
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(statusNotice(page, `Signed ${someone.email} out everywhere (1 session ended)`)).toBeVisible();
  const mail = await mailAbout(baseURL, someone.email, "You were signed out everywhere");
  expect(mail.text).toContain("Lost laptop reported by phone.");
  await user.page.reload();
  await expect(user.page).toHaveURL(/\/login/);
  user.checkConsole();
  await user.context.close();
});

test("the audit page lists events newest first, filtered by user and by type, and is linked from the admin's navigation", async ({
  page,
  browser,
  baseURL,
}) => {
  const someone = newAccount("audited", "Au Dited");
  const user = await signedInElsewhere(browser, someone);
  await signInAsAdmin(page, baseURL);
  const { users } = (await (await page.request.get(`/api/users?q=${encodeURIComponent(someone.email)}`)).json()) as { users: { id: string }[] };
  const id = users[0]?.id ?? "";
  const origin = { origin: new URL(baseURL ?? "").origin };
  for (const [path, reason] of [["disable", "First"], ["enable", "Second"]] as const) {
    expect((await page.request.post(`/api/users/${id}/${path}`, { data: { reason }, headers: origin })).status()).toBe(200);
  }

  await page.goto("/items");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  const list = page.getByRole("list", { name: "Audit events" });
  await page.getByLabel("User id").fill(id);
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page).toHaveURL(new RegExp(`user=${id}`));
  // Newest first: the two admin actions, then the sign-up that made the account.
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(list.getByRole("listitem").nth(0)).toContainText("Account enabled again");
  await expect(list.getByRole("listitem").nth(0)).toContainText("Reason: “Second”");
  await expect(list.getByRole("listitem").nth(1)).toContainText("Account disabled");
  await expect(list.getByRole("listitem").nth(2)).toContainText("Account created");

  await page.getByLabel("Type").selectOption("user_disabled");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem")).toContainText("Reason: “First”");
  await checkPage(page, "admin-audit-filtered", () => expect(list).toHaveAttribute("aria-busy", "false"));

  // The filter is in the address: reloaded, the server renders the same view.
  await page.reload();
  await expect(page.getByLabel("User id")).toHaveValue(id);
  await expect(list.getByRole("listitem")).toHaveCount(1);

  await page.getByLabel("User id").fill("not an id");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page.getByLabel("User id")).toHaveAccessibleDescription(/A user id looks like/);

  await page.goto("/admin/audit");
  await checkPage(page, "admin-audit", () => expect(list).toHaveAttribute("aria-busy", "false"));
  user.checkConsole();
  await user.context.close();
});

test("a user reads their security activity, with what an admin did and where from, and reaches it from the account page", async ({
  page,
  account,
  baseURL,
  browser,
}) => {
  // An admin ends the user's sessions: the user signs in again and reads about it.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInAsAdmin(adminPage, baseURL);
  const { users } = (await (await adminPage.request.get(`/api/users?q=${encodeURIComponent(account.email)}`)).json()) as { users: { id: string }[] };
  const ended = await adminPage.request.delete(`/api/users/${users[0]?.id ?? ""}/sessions`, {
    data: { reason: "Checking" },
    headers: { origin: new URL(baseURL ?? "").origin },
  });
  expect(ended.status()).toBe(204);
  await adminContext.close();

  await page.goto("/account");
  await signInThroughForm(page, account);
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("link", { name: "Security activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Security activity" })).toBeVisible();
  const events = page.getByRole("list", { name: "Security events" });
  const byAdmin = events.getByRole("listitem").filter({ hasText: "Signed out everywhere by an administrator" });
  await expect(byAdmin).toHaveCount(1);
  // The admin's own device and address are not the user's: not shown as if they were.
  await expect(byAdmin).not.toContainText("Address");
  // The time is the reader's own (the browser's zone), not UTC.
  await expect(byAdmin.locator("time")).not.toContainText("UTC");
  await checkPage(page, "account-activity", () => expect(events).toHaveAttribute("aria-busy", "false"));
});

test("a failed sign-in against the account shows in its activity, marked as failed", async ({ page, account }) => {
  const attempt = await callApi(page.request, auth.logIn, { body: { email: account.email, password: "not the password" } });
  expect(attempt.status()).toBe(401);
  await page.goto("/account/activity");
  const failed = page.getByRole("list", { name: "Security events" }).getByRole("listitem").filter({ hasText: "Failed sign-in" });
  await expect(failed).toHaveCount(1);
  await checkPage(page, "account-activity-failed", () => expect(failed).toBeVisible());
  await page.goto("/account");
});

test("“This wasn't me” signs out every device and mails a reset link, after saying so, and lands on the sign-in page saying what it did", async ({
  page,
  account,
  baseURL,
}) => {
  const phone = await otherDevice(baseURL, account, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1");
  await page.goto("/account/activity");
  await page.getByRole("button", { name: "This wasn't me…" }).click();
  const dialog = page.getByRole("dialog", { name: "Secure your account?" });
  await expect(dialog).toContainText("Every session of your account ends now, on every device, this one included");
  await expect(dialog).toContainText(account.email);
  await checkPage(page, "account-activity-not-me", () => expect(dialog).toBeVisible());
  // Cancel changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await callApi(phone, auth.getMe)).status()).toBe(200);

  await page.getByRole("button", { name: "This wasn't me…" }).click();
  await dialog.getByRole("button", { name: "Sign out everywhere and email me a reset link" }).click();
  await expect(page).toHaveURL(/\/login\?reason=not-me$/);
  await expect(page.getByText("You're signed out on every device. We've emailed a link to reset your password")).toBeVisible();
  expect((await callApi(phone, auth.getMe)).status()).toBe(401);
  await mailAbout(baseURL, account.email, "Reset your password");
  await phone.dispose();
});

test("the new pages come with their first data: none of them asks the API for it again, and a search or filter asks once", async ({
  page,
  baseURL,
}) => {
  await signInAsAdmin(page, baseURL);
  const requests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/")) requests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  const { users } = (await (await page.request.get(`/api/users?q=${encodeURIComponent(ADMIN.email)}`)).json()) as { users: { id: string }[] };
  const id = users[0]?.id ?? "";
  for (const path of ["/admin/users", `/admin/users/${id}`, "/admin/audit", "/account/activity"]) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(requests).toEqual([]);

  await page.goto("/admin/users", { waitUntil: "networkidle" });
  await page.getByLabel("Search by email").fill("admin@");
  await page.getByLabel("Search by email").press("Enter");
  await expect(page.getByRole("table", { name: "All users" }).getByRole("row")).toHaveCount(2);
  await page.waitForLoadState("networkidle");
  expect(requests).toEqual(["GET /api/users?limit=50&q=admin%40"]);
});
