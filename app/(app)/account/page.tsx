import type { Metadata } from "next";
import Link from "next/link";
import { pendingEmailChange } from "@/lib/auth/accounts/link-tokens";
import { requirePageCaller } from "@/lib/auth/accounts/page-caller";
import { mfaStatus } from "@/lib/auth/accounts/second-factors";
import { listSessions } from "@/lib/auth/sessions/sessions";
import { listPasskeys } from "@/lib/auth/factors/passkeys";
import { relyingParty } from "@/lib/auth/factors/relying-party";
import { VerifyBanner } from "../verify-banner";
import { AccountSections } from "./account-sections";
import styles from "./account.module.css";

export const metadata: Metadata = { title: "Account" };

// The profile and the sessions come with the HTML, as GET /api/auth/me and
// GET /api/auth/sessions?include=ended would answer them: no requests after hydration.
// So does an email change waiting for its confirmation, which no endpoint reads back, and
// what GET /api/auth/mfa answers for the two-step panel, and the passkeys (GET /api/auth/passkeys).
export default async function AccountPage() {
  const { user, sessionId } = await requirePageCaller("/account");
  const [sessions, pendingEmail, mfa, passkeys] = await Promise.all([
    listSessions(user.id, sessionId, { includeEnded: true }),
    pendingEmailChange(user.id),
    mfaStatus({ id: user.id, sessionId, role: user.role }),
    listPasskeys(user.id),
  ]);
  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <h1>Account</h1>
        <p>
          <Link href="/account/activity">Security activity</Link>: every sign-in, failed attempt and change to your account in the last 90 days.
        </p>
      </div>
      {user.emailVerified ? null : <VerifyBanner email={user.email} />}
      <AccountSections
        user={user}
        sessions={sessions}
        pendingEmail={pendingEmail}
        mfa={mfa}
        passkeys={passkeys}
        rpId={relyingParty().id}
      />
    </div>
  );
}
