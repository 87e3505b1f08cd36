// Step-up as a person meets it: a sensitive action whose session proved itself too long
// ago opens the "Confirm it's you" dialog, and once it is answered the action goes through
// with what the person had typed; cancelled, it is refused in words. A server of this spec's own counts a proof as recent
// for 2 seconds (REAUTH_MAX_AGE), so waiting a little longer makes any proof old.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { Authenticator, checkAndShoot } from "./support/authenticator";
import { startServer, type ServerProcess } from "./support/server-process";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 15;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const REAUTH_MAX_AGE = 2;
test.use({ baseURL: ORIGIN });

let server: ServerProcess;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer(PORT, { PGLITE_DATA_DIR: "memory://", APP_ORIGIN: ORIGIN, REAUTH_MAX_AGE: String(REAUTH_MAX_AGE) });
});
test.afterAll(async () => {
  await server?.stop();
});

/** Lets the session's last proof grow older than REAUTH_MAX_AGE. */
const proofGrowsOld = (page: Page) => page.waitForTimeout(REAUTH_MAX_AGE * 1000 + 500);

const dialogOf = (page: Page) => page.getByRole("dialog", { name: "Confirm it's you" });

test("an old sign-in meets the step-up dialog, and each action goes on once the password is given", async ({ page, account }) => {
  test.setTimeout(90_000);
  await page.goto("/account");
  const panel = page.getByRole("region", { name: "Two-step sign-in" });
  await proofGrowsOld(page);

  // Starting a setup: the dialog asks for the password, and a wrong one is told so.
  const start = panel.getByRole("button", { name: "Set up two-step sign-in" });
  await start.click();
  const dialog = dialogOf(page);
  const password = dialog.getByLabel("Password");
  await expect(password).toBeFocused();
  await expect(dialog).toContainText("You signed in a while ago.");
  await checkAndShoot(page, "step-up-dialog", { fullPage: false });
  await password.fill("not my password");
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(password).toHaveAccessibleDescription("That password isn't right.");
  await checkAndShoot(page, "step-up-dialog-wrong", { fullPage: false });
  await password.fill(account.password);
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole("heading", { name: "Set up your authenticator app" })).toBeFocused();

  // Confirming it: the code typed before the dialog is what is sent after it.
  const app = await Authenticator.fromPage(panel);
  const code = await app.code();
  await panel.getByLabel("Code from the app").fill(code);
  await proofGrowsOld(page);
  await panel.getByRole("button", { name: "Turn on" }).click();
  await expect(dialog.getByLabel("Password")).toBeFocused();
  await expect(panel.getByLabel("Code from the app")).toHaveValue(code);
  await dialog.getByLabel("Password").fill(account.password);
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(panel.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  await panel.getByRole("checkbox", { name: "I have saved them" }).check();
  await panel.getByRole("button", { name: "Done" }).click();
  await expect(panel).toContainText("Recovery codes left: 10 of 10");

  // New codes: cancelling the dialog leaves the action undone, said in words, with the
  // focus back on the button that asked.
  await proofGrowsOld(page);
  await panel.getByRole("button", { name: "Make new recovery codes…" }).click();
  const makeCodes = panel.getByRole("button", { name: "Make new codes" });
  await makeCodes.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Like any refused form: the alert that says why takes the focus.
  await expect(panel.getByRole("alert")).toContainText("This change needs you to confirm it's you.");
  await expect(panel.getByRole("alert")).toBeFocused();
  await makeCodes.click();
  await dialog.getByLabel("Password").fill(account.password);
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(panel.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
});

test("an action sent with the current password needs no dialog, however old the sign-in", async ({ page, account }) => {
  // The password is itself a recent proof.
  await page.goto("/account");
  await proofGrowsOld(page);
  const form = page.getByRole("region", { name: "Delete account" });
  await form.getByRole("button", { name: "Delete account…" }).click();
  await form.getByLabel("Your password, to confirm").fill(account.password);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login\?reason=account-deleted$/);
});
