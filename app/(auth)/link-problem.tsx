"use client";
// The states of a mailed-link page: reading the link (the server cannot: the token is in
// the fragment), what it will do, and a link that cannot be used (missing, expired, used),
// with why, in words, and the way on.
import { useEffect, useRef, type ReactNode } from "react";
import styles from "./auth.module.css";

type LinkCardProps = {
  title: string;
  children: ReactNode;
  /** Off for what a page shows as it opens, where focus is at the top anyway. */
  focusHeading?: boolean;
};

/**
 * A mailed-link page's card: what the link will do, or why it cannot be used. The heading
 * takes focus: it replaces what was there (a form, the reading state).
 */
export function LinkCard({ title, children, focusHeading = true }: LinkCardProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  return (
    <div className={`card ${styles.card}`}>
      <div className={styles.intro}>
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
      </div>
      {children}
    </div>
  );
}

/** A link that cannot be used (missing, expired, used), with why and the way on. */
export const LinkProblem = LinkCard;

/** While the link is read (and, on /verify-email, checked): of the card's height, announced. */
export function LinkReading({ message = "Reading your link…" }: { message?: string }) {
  return (
    <div className={`card ${styles.checking}`} role="status" aria-live="polite">
      <span className={styles.spinner} aria-hidden="true" />
      <p>{message}</p>
      <noscript>
        <p>This page needs JavaScript to read the link. Please turn it on and reload this page.</p>
      </noscript>
    </div>
  );
}
