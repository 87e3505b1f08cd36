// The signed-out pages: one calm, centred card under the product's name.
import Link from "next/link";
import styles from "./auth.module.css";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className={styles.shell}>
      <header className={styles.brand}>
        <Link href="/" className={styles.brandLink}>
          JWT Items
        </Link>
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
