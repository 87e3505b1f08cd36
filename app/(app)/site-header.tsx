import Link from "next/link";
import type { User } from "@/lib/auth/responses";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import styles from "./site-header.module.css";

// The app's header, on the signed-in pages and on the pages anyone may reach (the API
// reference, "page not found"): there a signed-out visitor gets the way to sign in.
// `wide` lines it up with a page wider than the app's usual column (the API reference).
export function SiteHeader({ user, wide = false }: { user: User | null; wide?: boolean }) {
  return (
    <header className={styles.header}>
      <div className={wide ? `${styles.inner} ${styles.wide}` : styles.inner}>
        <Link href={user ? "/items" : "/"} className={styles.brand}>
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
        ) : (
          <div className={styles.user}>
            <Link href="/login" className="button button-small">
              Sign in
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}
