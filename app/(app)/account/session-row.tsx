"use client";
import type { SessionView } from "@/lib/auth/responses";
import { describeUserAgent } from "@/lib/client/user-agent";
import { LocalTime } from "@/app/_components/local-time";
import { Button } from "@/app/_components/button";
import styles from "./account.module.css";

type SessionRowProps = { session: SessionView; onEnd: () => void };

export function SessionRow({ session, onEnd }: SessionRowProps) {
  const device = describeUserAgent(session.userAgent);
  return (
    <li className={styles.session}>
      <div className={styles.sessionText}>
        <p className={styles.device}>
          {device} {session.current ? <span className="badge">This device</span> : null}
        </p>
        <p className={`muted ${styles.small}`}>
          Signed in <LocalTime iso={session.createdAt} /> · last active <LocalTime iso={session.lastUsedAt} />
        </p>
      </div>
      {session.current ? null : (
        <Button small onClick={onEnd}>
          Sign out<span className="visually-hidden"> {device}, signed in <LocalTime iso={session.createdAt} /></span>
        </Button>
      )}
    </li>
  );
}

/** Holds the space of one row while the list loads. */
export function SessionRowSkeleton() {
  return (
    <li className={styles.session} aria-hidden="true">
      <div className={styles.sessionText}>
        <span className={`skeleton ${styles.skeletonLine}`} />
        <span className={`skeleton ${styles.skeletonShort}`} />
      </div>
    </li>
  );
}
