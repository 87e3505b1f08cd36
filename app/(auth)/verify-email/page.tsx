import type { Metadata } from "next";
import { pendingEmailChange } from "@/lib/auth/accounts/link-tokens";
import { getPageCaller } from "@/lib/auth/accounts/page-caller";
import { env } from "@/lib/env";
import { duration } from "@/lib/mail/templates";
import { VerifyEmail } from "./verify-email";

export const metadata: Metadata = { title: "Confirm your email address" };

export const dynamic = "force-dynamic";

// Public: the link may be opened in a browser that is not signed in, and then says to sign
// in first. Signed in, the page names the account and any email change it waits for, so
// the button says exactly what confirming will do (docs/decisions/0027).
export default async function VerifyEmailPage() {
  const user = (await getPageCaller())?.user ?? null;
  const account = user
    ? { email: user.email, emailVerified: user.emailVerified, pendingEmail: await pendingEmailChange(user.id) }
    : null;
  return <VerifyEmail account={account} validFor={duration(env.EMAIL_VERIFY_TTL)} />;
}
