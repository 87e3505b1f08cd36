// The one admin account of the e2e server (ADMIN_EMAILS=admin@example.com): created by
// whichever test needs it first, signed in to by the others.
import type { Page } from "@playwright/test";
import { logInViaApi, type Account } from "./fixtures";

export const ADMIN: Account = { email: "admin@example.com", password: "admin password for e2e", name: "Ada Admin" };

export async function signInAsAdmin(page: Page): Promise<void> {
  const signup = await page.request.post("/api/auth/signup", { data: ADMIN });
  if (signup.status() === 201) return;
  if (signup.status() !== 409) throw new Error(`admin signup failed: ${signup.status()}`);
  await logInViaApi(page.request, ADMIN);
}
