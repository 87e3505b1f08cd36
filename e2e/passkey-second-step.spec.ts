// A passkey as a proof of its own account: in the step-up dialog (the proof grows old after
// REAUTH_MAX_AGE seconds, so this spec runs its own server), and as the second step of a
// password login once two-step sign-in is on. Chromium's virtual authenticator (DevTools
// protocol) signs real assertions, with user verification.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signInThroughForm } from "./pages";
import { Authenticator, checkAndShoot } from "./support/authenticator";
import { startServer, type ServerProcess } from "./support/server-process";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 23;
// localhost, not 127.0.0.1: WebAuthn refuses an IP address as the relying party id.
const ORIGIN = `http://localhost:${PORT}`;
const REAUTH_MAX_AGE = 3;
test.use({ baseURL: ORIGIN });

let server: ServerProcess;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer(PORT, { PGLITE_DATA_DIR: "memory://", APP_ORIGIN: ORIGIN, REAUTH_MAX_AGE: String(REAUTH_MAX_AGE) });
});
test.afterAll(async () => {
  await server?.stop();
});

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
}

const dialogOf = (page: Page) => page.getByRole("dialog", { name: "Confirm it's you" });

test("the step-up dialog takes a passkey, and a TOTP account signs in with its password and a passkey", async ({ page, account }) => {
  test.setTimeout(120_000);
  // No autofill request waiting on the login page: the second step's button is what is tested.
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
  });
  const credentials = await virtualAuthenticator(page);
  await page.goto("/account");
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  // The fixture's sign-in may be older than REAUTH_MAX_AGE already: then the password.
  const dialog = dialogOf(page);
  const added = passkeys.getByRole("list", { name: "Your passkeys" }).getByRole("listitem");
  await expect(added.or(dialog)).toBeVisible();
  if (await dialog.isVisible()) {
    await dialog.getByLabel("Password").fill(account.password);
    await dialog.getByRole("button", { name: "Continue" }).click();
  }
  await expect(added).toHaveCount(1);

  // The proof grows old; the dialog offers the passkey, which proves it again.
  await page.waitForTimeout(REAUTH_MAX_AGE * 1000 + 500);
  const panel = page.getByRole("region", { name: "Two-step sign-in" });
  await panel.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(dialog.getByRole("button", { name: "Use a passkey" })).toBeVisible();
  await checkAndShoot(page, "step-up-dialog-passkey", { fullPage: false });
  const signCount = (await credentials())[0]?.signCount ?? 0;
  await dialog.getByRole("button", { name: "Use a passkey" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole("heading", { name: "Set up your authenticator app" })).toBeFocused();
  expect((await credentials())[0]?.signCount).toBeGreaterThan(signCount);

  // Two-step sign-in on (the passkey's proof is fresh, or the dialog takes it again).
  const app = await Authenticator.fromPage(panel);
  await panel.getByLabel("Code from the app").fill(await app.code());
  await panel.getByRole("button", { name: "Turn on" }).click();
  if (await dialog.isVisible().catch(() => false)) await dialog.getByRole("button", { name: "Use a passkey" }).click();
  await expect(panel.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  await panel.getByRole("checkbox", { name: "I have saved them" }).check();
  await panel.getByRole("button", { name: "Done" }).click();

  // The password, then the passkey, offered first.
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInThroughForm(page, account);
  await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in" })).toBeVisible();
  const usePasskey = page.getByRole("button", { name: "Use a passkey" });
  await expect(usePasskey).toBeVisible();
  await checkAndShoot(page, "second-step-passkey");
  const before = (await credentials())[0]?.signCount ?? 0;
  await usePasskey.click();
  await expect(page).toHaveURL(/\/items$/);
  expect((await credentials())[0]?.signCount).toBeGreaterThan(before);
});
