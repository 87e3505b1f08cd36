// A signed-out page load asks for no token refresh: there is no session to refresh, so the
// answer could only be a 401, logged in every visitor's console (issue 23). The
// login page's render knows from the session hint cookie, which the server sets and clears
// with the refresh cookie (docs/decisions/0043-session-hint-cookie.md).
import { expect, logInViaApi, newAccount, signUpViaApi, test } from "./fixtures";

const SIGNED_OUT_PAGES = ["/", "/login", "/signup", "/forgot-password", "/reset-password", "/verify-email", "/items", "/account"];

test("no signed-out page sends a refresh, and none logs a 401", async ({ page }) => {
  const refreshes: string[] = [];
  const refused: string[] = [];
  const logged: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/auth/refresh") refreshes.push(page.url());
  });
  page.on("response", (response) => {
    if (response.status() === 401) refused.push(new URL(response.url()).pathname);
  });
  page.on("console", (message) => {
    if (message.type() === "error") logged.push(message.text());
  });
  for (const path of SIGNED_OUT_PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // /items and /account sent the browser to the login page, whose form is shown at once.
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  expect(refreshes).toEqual([]);
  expect(refused).toEqual([]);
  expect(logged).toEqual([]);
});

test("after signing out, the login page sends no refresh either", async ({ page }) => {
  const account = newAccount();
  await signUpViaApi(page.request, account);
  await page.goto("/items");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("session_hint");
  const refreshes: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/auth/refresh") refreshes.push(request.url());
  });
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  expect(refreshes).toEqual([]);
});

test("a signed-in browser holds the hint, and no script can read it or any token", async ({ page }) => {
  const account = newAccount();
  await signUpViaApi(page.request, account);
  await logInViaApi(page.request, account);
  await page.goto("/items");
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === "session_hint")).toMatchObject({ value: "1", httpOnly: true, path: "/" });
  for (const cookie of cookies) expect(cookie, cookie.name).toMatchObject({ httpOnly: true });
  const readable = await page.evaluate(() => document.cookie);
  expect(readable).toBe("");
});
