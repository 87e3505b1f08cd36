// Passkeys in Chromium, with the DevTools protocol's virtual authenticator: a platform
// authenticator (CTAP2, internal transport) that keeps resident keys and verifies its user
// unless told not to. It signs real assertions, so the server checks them as it would a
// phone's.
import type { CDPSession, Page } from "@playwright/test";
import { expectNoAxeViolations, WIDTHS } from "./a11y";
import { expect, test } from "./fixtures";

type Authenticator = { cdp: CDPSession; authenticatorId: string };

async function virtualAuthenticator(page: Page): Promise<Authenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function credentials({ cdp, authenticatorId }: Authenticator) {
  return (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
}

/** As a browser without conditional mediation: no passkey autofill, only the button. */
async function withoutAutofill(page: Page) {
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
  });
}

const passkeyAlert = (page: Page) => page.getByRole("alert").filter({ hasText: "Couldn't sign you in with a passkey" });
const passkeysPanel = (page: Page) => page.getByRole("region", { name: "Passkeys" });
const passkeyRows = (page: Page) => passkeysPanel(page).getByRole("list", { name: "Your passkeys" }).getByRole("listitem");

async function addPasskeyOnAccountPage(page: Page) {
  await page.goto("/account");
  await passkeysPanel(page).getByRole("button", { name: "Add a passkey" }).click();
  await expect(passkeyRows(page)).toHaveCount(1);
}

test("a person adds a passkey on the account page, signs out, and signs in with it from the email field's autofill", async ({ page, account }) => {
  const authenticator = await virtualAuthenticator(page);
  await addPasskeyOnAccountPage(page);
  await expect(passkeyRows(page).first()).toContainText("never used");
  await expect(passkeyRows(page).first()).toContainText("On one device");
  const [made] = await credentials(authenticator);
  expect(made?.isResidentCredential).toBe(true);
  const signCountAtAdd = made?.signCount ?? 0;

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await passkeysPanel(page).screenshot({ path: `test-results/passkeys/account-${width}.png` });
    await expectNoAxeViolations(page);
  }

  // The login page asks for a passkey as it opens (conditional mediation); the virtual
  // authenticator picks its one passkey as a person would from the email field's list.
  await page.getByRole("button", { name: "Sign out this device" }).click();
  await expect(page).toHaveURL(/\/items$/);
  const [used] = await credentials(authenticator);
  expect(used?.signCount).toBeGreaterThan(signCountAtAdd);

  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(account.email);
  await expect(passkeyRows(page).first()).toContainText("last used");
});

test("in a browser without passkey autofill, the button signs in with the passkey", async ({ page, account }) => {
  await withoutAutofill(page);
  const authenticator = await virtualAuthenticator(page);
  await addPasskeyOnAccountPage(page);
  const signCountAtAdd = (await credentials(authenticator))[0]?.signCount ?? 0;
  await page.getByRole("button", { name: "Sign out this device" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "username webauthn");
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/passkeys/login-${width}.png`, fullPage: true });
    await expectNoAxeViolations(page);
  }
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/items$/);
  expect((await credentials(authenticator))[0]?.signCount).toBeGreaterThan(signCountAtAdd);
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(account.email);
});

test("renaming and removing a passkey; the browser is told, and a copy left elsewhere signs in no more", async ({ page, account }) => {
  await withoutAutofill(page);
  const authenticator = await virtualAuthenticator(page);
  await addPasskeyOnAccountPage(page);
  await passkeyRows(page).first().getByRole("button", { name: /^Rename/ }).click();
  await passkeyRows(page).first().getByRole("textbox").fill("My laptop");
  await passkeyRows(page).first().getByRole("button", { name: "Save name" }).click();
  await expect(passkeyRows(page).first()).toContainText("My laptop");
  const [made] = await credentials(authenticator);
  if (!made) throw new Error("the virtual authenticator holds no passkey");

  await passkeyRows(page).first().getByRole("button", { name: "Remove My laptop" }).click();
  await passkeysPanel(page).getByRole("button", { name: "Remove My laptop" }).click();
  await expect(passkeysPanel(page)).toContainText("You have no passkeys yet.");
  await expect(page.getByRole("heading", { name: "Passkeys" })).toBeFocused();
  const signals = await page.evaluate(() => ({
    all: "signalAllAcceptedCredentials" in PublicKeyCredential,
    unknown: "signalUnknownCredential" in PublicKeyCredential,
  }));
  // Chromium has the Signal API (since 132): it forgets the passkey this site no longer accepts.
  expect(signals).toEqual({ all: true, unknown: true });
  await expect.poll(async () => (await credentials(authenticator)).length).toBe(0);

  // A copy of the key somewhere else (another device, a backup) is refused by the server.
  await authenticator.cdp.send("WebAuthn.addCredential", { authenticatorId: authenticator.authenticatorId, credential: made });
  await page.getByRole("button", { name: "Sign out this device" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(passkeyAlert(page)).toContainText("This passkey cannot sign you in here");
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(async () => (await credentials(authenticator)).length).toBe(0);
  // The password still works.
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/items$/);
});

test("a passkey whose user verification fails does not sign in, and the page says what to do", async ({ page, account }) => {
  await withoutAutofill(page);
  const authenticator = await virtualAuthenticator(page);
  await addPasskeyOnAccountPage(page);
  await page.getByRole("button", { name: "Sign out this device" }).click();
  await expect(page).toHaveURL(/\/login/);
  await authenticator.cdp.send("WebAuthn.setUserVerified", { authenticatorId: authenticator.authenticatorId, isUserVerified: false });
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(passkeyAlert(page)).toContainText("cancelled or timed out, or this device has no passkey for this site");
  await expect(page).toHaveURL(/\/login/);
});
