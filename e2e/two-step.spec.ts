// Two-step sign-in as a person meets it: turning it on from the account page by reading
// the key off the page into an "authenticator" (e2e/support/authenticator.ts), saving the
// recovery codes, then signing in with a code and with a recovery code; and the words of
// the states around it (a dead step, too many tries, few codes left).
import { readFile } from "node:fs/promises";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expect, test, type Account } from "./fixtures";
import { signInThroughForm } from "./pages";
import { auth, callApi, factors } from "./support/api";
import { Authenticator, checkAndShoot } from "./support/authenticator";

const panelOf = (page: Page) => page.getByRole("region", { name: "Two-step sign-in" });

async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
}

test("a person turns on two-step sign-in, saves the codes, and signs in with a code, then with a recovery code", async ({ page, account, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/account");
  const panel = panelOf(page);
  await expect(panel).toContainText("Off");
  await checkAndShoot(page, "two-step-off", { part: panel });

  await panel.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(panel.getByRole("heading", { name: "Set up your authenticator app" })).toBeFocused();
  const qr = panel.getByRole("img", { name: "QR code that adds this account to an authenticator app" });
  await expect(qr).toBeVisible();
  // The server's SVG, shown as an image (a data: URL the page's policy allows): it loaded.
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const codeField = panel.getByLabel("Code from the app");
  await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
  await expect(codeField).toHaveAttribute("inputmode", "numeric");
  await checkAndShoot(page, "two-step-setup", { part: panel });
  const app = await Authenticator.fromPage(panel);

  await codeField.fill("000000");
  await panel.getByRole("button", { name: "Turn on" }).click();
  await expect(codeField).toHaveAccessibleDescription("That code isn't right. Enter the code the app shows now for this account.");
  await expect(codeField).toBeFocused();
  await codeField.fill(await app.code());
  await panel.getByRole("button", { name: "Turn on" }).click();

  await expect(panel.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  const codes = await panel.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
  await checkAndShoot(page, "two-step-codes", { part: panel });

  await panel.getByRole("button", { name: "Copy codes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The codes are copied." })).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(codes.join("\n"));
  const download = page.waitForEvent("download");
  await panel.getByRole("button", { name: "Download as .txt" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("jwt-items-recovery-codes.txt");
  expect(await readFile(await file.path(), "utf8")).toContain(codes.join("\n"));

  // The codes stay until the person says they have them.
  await panel.getByRole("button", { name: "Done" }).click();
  const saved = panel.getByRole("checkbox", { name: "I have saved them" });
  await expect(saved).toHaveAccessibleDescription("Tick this once you have saved the codes: they won't be shown again.");
  await expect(saved).toBeFocused();
  await expect(panel.getByRole("list", { name: "Recovery codes" })).toBeVisible();
  await saved.check();
  await panel.getByRole("button", { name: "Done" }).click();
  await expect(panel.getByRole("heading", { name: "Two-step sign-in" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Two-step sign-in is on." })).toBeVisible();
  await expect(panel).toContainText("Recovery codes left: 10 of 10");
  await checkAndShoot(page, "two-step-on", { part: panel });

  // Signing in now takes the password and a code.
  await signOut(page);
  await signInThroughForm(page, account);
  await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in" })).toBeVisible();
  const loginCode = page.getByLabel("Code from your authenticator app");
  await expect(loginCode).toBeFocused();
  await expect(loginCode).toHaveAttribute("autocomplete", "one-time-code");
  await expect(loginCode).toHaveAttribute("inputmode", "numeric");
  await checkAndShoot(page, "login-second-step");
  await loginCode.fill("123456");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(loginCode).toHaveAccessibleDescription(/^That code isn't right\. Enter the code your app shows now\./);
  await checkAndShoot(page, "login-second-step-wrong");
  await loginCode.fill(await app.code());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/items$/);

  // And with a recovery code, which is then spent; where the login was going is kept.
  await signOut(page);
  await page.goto("/login?next=%2Faccount");
  await signInThroughForm(page, account);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  const recoveryField = page.getByLabel("Recovery code");
  await expect(recoveryField).toBeFocused();
  await checkAndShoot(page, "login-recovery-code");
  await recoveryField.fill(codes[0]!.toUpperCase());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(panelOf(page)).toContainText("Recovery codes left: 9 of 10");

  // A spent code does not work twice.
  await signOut(page);
  await signInThroughForm(page, account);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByLabel("Recovery code")).toHaveAccessibleDescription(/^That recovery code isn't right, or it has been used already\./);
});

test("starting the login over from its second step keeps the email, and a dead step says so", async ({ page, account }) => {
  // Three codes of three time steps: the last may wait for its step to come (up to 30 s).
  test.setTimeout(90_000);
  await page.goto("/account");
  const panel = panelOf(page);
  await panel.getByRole("button", { name: "Set up two-step sign-in" }).click();
  const app = await Authenticator.fromPage(panel);
  await panel.getByLabel("Code from the app").fill(await app.code());
  await panel.getByRole("button", { name: "Turn on" }).click();
  await panel.getByRole("checkbox", { name: "I have saved them" }).check();
  await panel.getByRole("button", { name: "Done" }).click();
  await signOut(page);

  await signInThroughForm(page, account);
  await page.getByRole("button", { name: "Start over" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await expect(page.getByLabel("Password")).toBeFocused();

  // Five wrong codes use the step up: the sixth try is told to start again.
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const code = page.getByLabel("Code from your authenticator app");
  for (let i = 0; i < 5; i += 1) {
    await code.fill(String(100000 + i));
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(code).toHaveAccessibleDescription(/^That code isn't right/);
  }
  await code.fill(await app.code());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in again" })).toBeFocused();
  await checkAndShoot(page, "login-second-step-expired");
  await page.getByRole("button", { name: "Start over" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByLabel("Code from your authenticator app").fill(await app.code());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/items$/);
});

/** TOTP turned on through the API, as the page's own session (cookies and its origin). */
async function turnOnTotpViaApi(page: Page, baseURL: string | undefined) {
  const headers = { origin: new URL(baseURL ?? "http://localhost").origin };
  const setup = await callApi(page.request, factors.startTotpSetup, { headers });
  expect(setup.status()).toBe(201);
  const app = new Authenticator(((await setup.json()) as { secret: string }).secret);
  const confirmed = await callApi(page.request, factors.confirmTotpSetup, { body: { code: await app.code() }, headers });
  expect(confirmed.status()).toBe(200);
  return { app, codes: ((await confirmed.json()) as { recovery_codes: string[] }).recovery_codes };
}

/** A login's second step from another client: the password, then `proof`. */
async function secondStepViaApi(request: APIRequestContext, account: Account, proof: { code: string } | { recovery_code: string }) {
  const login = await callApi(request, auth.logIn, { body: { email: account.email, password: account.password } });
  const { mfa_token } = (await login.json()) as { mfa_token: string };
  return callApi(request, factors.logInSecondStep, { body: { mfa_token, ...proof } });
}

test("the account page warns when 3 or fewer recovery codes are left", async ({ page, account, baseURL }) => {
  const { codes } = await turnOnTotpViaApi(page, baseURL);
  const other = await playwrightRequest.newContext({ baseURL });
  for (const code of codes.slice(0, 8)) expect((await secondStepViaApi(other, account, { recovery_code: code })).status()).toBe(200);
  await other.dispose();

  await page.goto("/account");
  const panel = panelOf(page);
  await expect(panel).toContainText("Recovery codes left: 2 of 10");
  await expect(panel).toContainText("Only 2 recovery codes are left. Make new ones now, so you can still sign in if you lose your phone.");
  await checkAndShoot(page, "two-step-codes-low", { part: panel });

  // New codes replace them, shown once as after the setup.
  await panel.getByRole("button", { name: "Make new recovery codes…" }).click();
  await panel.getByRole("button", { name: "Make new codes" }).click();
  await expect(panel.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  await panel.getByRole("checkbox", { name: "I have saved them" }).check();
  await panel.getByRole("button", { name: "Done" }).click();
  await expect(panel).toContainText("Recovery codes left: 10 of 10");
  await expect(panel).not.toContainText("Make new ones now");

  // Turning it off asks first; afterwards the login needs the password alone.
  await panel.getByRole("button", { name: "Turn off…" }).click();
  await panel.getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-step sign-in is off. Signing in needs only your password now." })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Set up two-step sign-in" })).toBeVisible();
});

test("too many wrong codes: the second step says how long to wait", async ({ page, account, baseURL }) => {
  await turnOnTotpViaApi(page, baseURL);
  await page.context().clearCookies();
  // Ten wrong second steps for the account, from another client (two sign-in steps of five).
  const other = await playwrightRequest.newContext({ baseURL });
  let mfaToken = "";
  for (let i = 0; i < 10; i += 1) {
    const login = i % 5 === 0 ? await callApi(other, auth.logIn, { body: { email: account.email, password: account.password } }) : null;
    if (login) mfaToken = ((await login.json()) as { mfa_token: string }).mfa_token;
    expect((await callApi(other, factors.logInSecondStep, { body: { mfa_token: mfaToken, code: String(200000 + i) } })).status()).toBe(401);
  }
  await other.dispose();

  await page.goto("/login");
  await signInThroughForm(page, account);
  await page.getByLabel("Code from your authenticator app").fill("123456");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Couldn't sign you in" });
  await expect(alert).toContainText(/Too many attempts\. Try again in about 1[45] minutes\./);
  await expect(alert).toBeFocused();
  await checkAndShoot(page, "login-second-step-too-many");
});
