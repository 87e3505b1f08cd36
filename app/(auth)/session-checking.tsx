// Shown instead of the form while the session is checked: brief, announced, and of
// the form's height so the page does not jump when the form appears.
import styles from "./auth.module.css";

export function SessionChecking({ resuming }: { resuming: boolean }) {
  return (
    <div className={`card ${styles.checking}`} role="status" aria-live="polite">
      <span className={styles.spinner} aria-hidden="true" />
      <p>{resuming ? "Welcome back. Taking you there…" : "Checking your session…"}</p>
      <noscript>
        <p>Signing in needs JavaScript. Please turn it on and reload this page.</p>
      </noscript>
    </div>
  );
}
