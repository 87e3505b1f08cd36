import type { Metadata } from "next";
import Link from "next/link";
import { getPageCaller } from "@/lib/auth/accounts/page-caller";
import styles from "./users/users.module.css";

export const metadata: Metadata = { title: "Not allowed" };

// What forbidden() shows under /admin, with status 403. Worded as a plain page, not an
// error: the user did nothing wrong by following a link here. Only a signed-in user gets
// this far (the page sends anyone else to the login page), so the user is known.
export default async function AdminForbidden() {
  const user = (await getPageCaller())?.user ?? null;
  return (
    <div className={`card ${styles.notAllowed}`}>
      <h1>Not allowed</h1>
      <p>
        This page is for administrators.
        {user ? (
          <>
            {" "}
            You&apos;re signed in as <strong>{user.email}</strong>, which isn&apos;t an administrator account.
          </>
        ) : null}
      </p>
      <p>
        <Link href="/items">Go to your items</Link>
      </p>
    </div>
  );
}
