// The one admin account of the e2e server (ADMIN_EMAILS=admin@example.com): created by
// whichever test needs it first, signed in to by the others. An address becomes an
// admin's only once verified (README, Admin), so the first test confirms it the way an
// API client would: signed in (the signup's access token), it posts the token of the
// link that signup mailed.
import type { Page } from "@playwright/test";
import { linkToken } from "../tests/helpers/smtp";
import { logInViaApi, type Account } from "./fixtures";
import { auth, callApi, recovery } from "./support/api";
import { nextOutboxMail } from "./support/outbox";

export const ADMIN: Account = { email: "admin@example.com", password: "admin password for e2e", name: "Ada Admin" };

export async function signInAsAdmin(page: Page, baseURL: string | undefined): Promise<void> {
  const signup = await callApi(page.request, auth.signUp, { body: ADMIN });
  if (signup.status() === 201) await verifyAdminEmail(page, baseURL, ((await signup.json()) as { access_token: string }).access_token);
  else if (signup.status() !== 409) throw new Error(`admin signup failed: ${signup.status()}`);
  // A token minted before the verification says "user": the role is derived at login.
  await logInViaApi(page.request, ADMIN);
}

async function verifyAdminEmail(page: Page, baseURL: string | undefined, accessToken: string): Promise<void> {
  const mail = await nextOutboxMail(baseURL, ADMIN.email);
  const response = await callApi(page.request, recovery.verifyEmail, {
    body: { token: linkToken(mail, "/verify-email") },
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (response.status() !== 200) throw new Error(`admin verification failed: ${response.status()} ${await response.text()}`);
}
