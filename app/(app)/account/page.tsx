import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-user";
import { listSessions } from "@/lib/auth/sessions";
import { AccountSections } from "./account-sections";
import styles from "./account.module.css";

export const metadata: Metadata = { title: "Account" };

// The profile and the sessions come with the HTML, as GET /api/auth/me and
// GET /api/auth/sessions?include=ended would answer them: no requests after hydration.
export default async function AccountPage() {
  const { user, sessionId } = await requirePageCaller("/account");
  const sessions = await listSessions(user.id, sessionId, { includeEnded: true });
  return (
    <div className={styles.page}>
      <h1>Account</h1>
      <AccountSections me={{ user }} sessions={{ sessions }} />
    </div>
  );
}
