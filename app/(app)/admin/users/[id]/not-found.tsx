import type { Metadata } from "next";
import Link from "next/link";
import styles from "./user.module.css";

export const metadata: Metadata = { title: "No such user" };

// A user id that is not (or no longer) an account's: deleted accounts keep their events
// in the trail, so an admin may follow a link from there to here.
export default function NoSuchUser() {
  return (
    <div className={`card ${styles.section}`}>
      <h1>No such user</h1>
      <p>There is no account with this id. It may have been deleted; its events stay in the audit trail.</p>
      <p>
        <Link href="/admin/users">Go to all users</Link>
      </p>
    </div>
  );
}
