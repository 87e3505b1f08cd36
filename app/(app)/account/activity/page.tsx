import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCaller } from "@/lib/auth/accounts/page-caller";
import { listActivity } from "@/lib/audit/read";
import { ACTIVITY_PAGE_SIZE } from "./activity-query";
import { ActivityList } from "./activity-list";
import { NotMe } from "./not-me";
import styles from "./activity.module.css";

export const metadata: Metadata = { title: "Security activity" };

// The first page comes with the HTML, as GET /api/auth/activity would answer it.
export default async function ActivityPage() {
  const { user } = await requirePageCaller("/account/activity");
  const page = await listActivity(user.id, { limit: ACTIVITY_PAGE_SIZE });
  return (
    <div className={styles.page}>
      <p>
        <Link href="/account">← Account</Link>
      </p>
      <div className={styles.intro}>
        <h1>Security activity</h1>
        <p className="muted">
          Sign-ins, failed attempts and changes to your account in the last 90 days, newest first. Times are in your time zone.
        </p>
      </div>
      <NotMe email={user.email} />
      <ActivityList firstPage={{ rows: page.events, nextCursor: page.nextCursor }} />
    </div>
  );
}
