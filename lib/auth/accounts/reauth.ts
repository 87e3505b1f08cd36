// Re-typed passwords: a logged-in user proves again that they know the password before
// something that a stolen session must not be enough for (a new password, a new email,
// deleting the account).
import "server-only";
import { HttpError } from "@/lib/http/problem";
import { verifyPassword } from "@/lib/auth/passwords/hash";
import { consume, limits, resetAttempts } from "@/lib/auth/accounts/limits";
import { findCredentials } from "@/lib/auth/accounts/users";

// 403, not 401: the caller is logged in; only the password they re-typed is wrong. Each
// re-typed password counts as a login attempt of the account, so a stolen session cannot
// be used to guess the password faster than the login form allows. Returns the account's
// email, which the caller often needs next (a notice goes there).
export async function assertPassword(userId: string, password: string): Promise<{ email: string }> {
  const account = await findCredentials({ id: userId });
  const byEmail = account ? limits.loginByEmail(account.email) : null;
  if (byEmail) await consume(byEmail);
  if (!account || !(await verifyPassword(password, account.passwordHash))) {
    throw new HttpError(403, { code: "invalid_credentials", detail: "The password is incorrect." });
  }
  await resetAttempts(limits.loginByEmail(account.email).key);
  return { email: account.email };
}
