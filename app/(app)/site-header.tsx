import Link from "next/link";
import type { User } from "@/lib/auth/responses";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import styles from "./site-header.module.css";

export function SiteHeader({ user }: { user: User | null }) {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/items" className={styles.brand}>
          JWT Items
        </Link>
        {user ? <NavLinks admin={user.role === "admin"} /> : null}
        {user ? (
          <div className={styles.user}>
            <p className={styles.who}>
              <span className="visually-hidden">Signed in as </span>
              <span className={styles.name}>{user.name ?? user.email}</span>
              {user.name ? <span className={styles.email}>{user.email}</span> : null}
            </p>
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </header>
  );
}
