// The API reference at /docs: drawn from /api/openapi.json by Swagger UI, served by the
// app itself under its strict CSP, and its "Try it out" calls this same server.
import type { Page } from "@playwright/test";
import { ERROR_CODES } from "@/lib/http/problem";
import { expect, newAccount, test } from "./fixtures";

/** Records CSP violations in the page, where the browser reports them. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

// Swagger UI's markup is not ours: an operation is found by the id Swagger UI gives its
// block (operations-<tag>-<operationId>), and inside it by roles.
// Swagger UI fetches the document and renders some forty operations in the browser: on a
// loaded two-core CI machine that has taken longer than the default five seconds.
const SWAGGER_RENDERS = 20_000;

const operation = (page: Page, tag: string, id: string) => page.locator(`#operations-${tag}-${id}`);

test("shows every endpoint, loading nothing from another origin and breaking no CSP rule", async ({ page, baseURL }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  const violations = await watchViolations(page);

  await page.goto("/docs");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^POST \/api\/auth\/signup/ })).toBeVisible({ timeout: SWAGGER_RENDERS });
  await expect(page.getByRole("button", { name: /^PATCH \/api\/items\/\{id\}/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^GET \/api\/users / })).toBeVisible();

  expect(requested.filter((url) => !url.startsWith(`${baseURL}/`))).toEqual([]);
  expect(await violations()).toEqual([]);
});

test("has an anchor for every error code, where a problem body's `type` lands", async ({ page, request }) => {
  await page.goto("/docs");
  for (const code of Object.keys(ERROR_CODES)) {
    await expect(page.locator(`#error-${code}`), code).toContainText(code);
  }
  const problem = (await (await request.get("/api/auth/me")).json()) as { type: string };
  expect(problem.type).toBe("/docs#error-authentication_required");
  await page.goto(problem.type);
  await expect(page.getByRole("button", { name: /^POST \/api\/auth\/signup/ })).toBeVisible({ timeout: SWAGGER_RENDERS });
  await expect(page.locator("#error-authentication_required")).toBeInViewport();
});

test("tries it out: signs up, and the next call is authenticated by the cookie that set", async ({ page }) => {
  const account = newAccount("docs");
  await page.goto("/docs");

  const signUp = operation(page, "Auth", "signUp");
  await page.getByRole("button", { name: /^POST \/api\/auth\/signup/ }).click();
  await signUp.getByRole("button", { name: "Try it out" }).click();
  await signUp.getByRole("textbox").fill(JSON.stringify({ email: account.email, password: account.password }));
  const created = page.waitForResponse((r) => r.url().endsWith("/api/auth/signup"));
  await signUp.getByRole("button", { name: "Execute" }).click();
  expect((await created).status()).toBe(201);
  await expect(signUp.getByText("Server response")).toBeVisible();

  const getMe = operation(page, "Auth", "getMe");
  await page.getByRole("button", { name: /^GET \/api\/auth\/me/ }).click();
  await getMe.getByRole("button", { name: "Try it out" }).click();
  const me = page.waitForResponse((r) => r.url().endsWith("/api/auth/me"));
  await getMe.getByRole("button", { name: "Execute" }).click();
  const response = await me;
  expect(response.status()).toBe(200);
  expect(((await response.json()) as { user: { email: string } }).user.email).toBe(account.email);
});
