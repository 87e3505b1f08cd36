"use client";
// The states of a mailed-link page around its real content: reading the link (the
// server cannot: the token is in the fragment), and a link that cannot be used (missing,
// expired, used), with why, in words, and the way on.
import { useEffect, useRef, type ReactNode } from "react";
import styles from "./auth.module.css";

type LinkProblemProps = { title: string; children: ReactNode };

/** The heading takes focus: it replaces what was there (a form, the reading state). */
export function LinkProblem({ title, children }: LinkProblemProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
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
