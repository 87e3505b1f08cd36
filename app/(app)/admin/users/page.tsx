import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-user";
import { UsersTable } from "./users-table";
import styles from "./users.module.css";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const user = await requirePageUser("/admin/users");
  if (user.role !== "admin") return <NotAllowed email={user.email} />;
  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <h1>Users</h1>
        <p className="muted">Everyone with an account, oldest first.</p>
      </div>
      <UsersTable />
    </div>
  );
}

// A plain page, not an error: the user did nothing wrong by following a link here.
function NotAllowed({ email }: { email: string }) {
  return (
    <div className={`card ${styles.notAllowed}`}>
      <h1>Not allowed</h1>
      <p>
        This page is for administrators. You&apos;re signed in as <strong>{email}</strong>, which
        isn&apos;t an administrator account.
      </p>
      <p>
        <Link href="/items">Go to your items</Link>
      </p>
    </div>
  );
}
