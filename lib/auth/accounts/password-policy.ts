// What a new password must be besides 8 to 72 bytes (lib/auth/schemas.ts): not common, not
// known from a breach (when PASSWORD_BREACH_CHECK=hibp), not the current one. Checked by the
// services that set a password (signup, change, reset), never by login; not in the shared
// zod schema, which the forms import and which would carry the list to the browser
// (docs/decisions/0026-password-policy.md).
import "server-only";
import { HttpError } from "@/lib/http/problem";
import { isBreachedPassword } from "@/lib/auth/passwords/breached";
import { isCommonPassword } from "@/lib/auth/passwords/common-list";
import { verifyPassword } from "@/lib/auth/passwords/hash";
import { findCredentials } from "@/lib/auth/accounts/users";

type PasswordField = "password" | "new_password";

const MESSAGES = {
  common: "This password is too common: it appears in lists of leaked passwords. Choose another.",
  breached: "This password has appeared in a data breach (Have I Been Pwned knows it). Choose another.",
  current: "This is your current password. Choose a new one.",
  currentOnReset: "This is your current password: sign in with it. To choose another, ask for a new link (this one is used).",
} as const;

/** A 400 like the schemas' own, naming the field, so forms show it beside the field. */
export function refusedPassword(field: PasswordField, reason: keyof typeof MESSAGES): HttpError {
  return new HttpError(400, {
    code: "validation_failed",
    detail: "The request is not valid.",
    errors: [{ path: field, message: MESSAGES[reason] }],
  });
}

/** Throws a 400 for a new password that is common or, when checked, breached. */
export async function assertNewPasswordAllowed(password: string, field: PasswordField): Promise<void> {
  if (await isCommonPassword(password)) throw refusedPassword(field, "common");
  if (await isBreachedPassword(password)) throw refusedPassword(field, "breached");
}

/**
 * Throws a 400 when a reset's new password is the account's current one. Called once the
 * link is used up: a link must not become a way to test guesses of the current password.
 */
export async function assertNotCurrentPassword(userId: string, password: string): Promise<void> {
  const account = await findCredentials({ id: userId });
  if (account && (await verifyPassword(password, account.passwordHash))) throw refusedPassword("new_password", "currentOnReset");
}
