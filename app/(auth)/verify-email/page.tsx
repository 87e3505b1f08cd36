import type { Metadata } from "next";
import { getPageUser } from "@/lib/auth/page-user";
import { env } from "@/lib/env";
import { duration } from "@/lib/mail/templates";
import { VerifyEmail } from "./verify-email";

export const metadata: Metadata = { title: "Confirm your email address" };

export const dynamic = "force-dynamic";

// Public: the link may be opened in a browser that is not signed in. Who is signed in
// (if anyone) only decides what a dead link offers: a new mail, or signing in first.
export default async function VerifyEmailPage() {
  const user = await getPageUser();
  return <VerifyEmail signedIn={user !== null} validFor={duration(env.EMAIL_VERIFY_TTL)} />;
}
