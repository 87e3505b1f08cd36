import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-user";
import { AccountSections } from "./account-sections";
import styles from "./account.module.css";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  await requirePageUser("/account");
  return (
    <div className={styles.page}>
      <h1>Account</h1>
      <AccountSections />
    </div>
  );
}
