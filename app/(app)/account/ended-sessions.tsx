"use client";
import type { SessionView } from "@/lib/auth/responses";
import { describeUserAgent } from "@/lib/client/user-agent";
import { LocalTime } from "@/app/_components/local-time";
import { END_REASONS } from "./session-words";
import styles from "./account.module.css";

/** Sessions that ended in the last 30 days, folded away: history, not something to act on. */
export function EndedSessions({ sessions }: { sessions: SessionView[] }) {
  if (sessions.length === 0) return null;
  return (
    <details className={styles.ended}>
      <summary className={styles.endedSummary}>Recently ended sessions ({sessions.length})</summary>
      <ul className={styles.sessions} aria-label="Recently ended sessions">
        {sessions.map((session) => (
          <li key={session.id} className={styles.session}>
            <div className={styles.sessionText}>
              <p className={styles.device}>{describeUserAgent(session.userAgent)}</p>
              <p className={`muted ${styles.small}`}>
                {session.endReason ? END_REASONS[session.endReason] : "Ended"}
                {session.endedAt ? (
                  <>
                    {" · "}
                    <LocalTime iso={session.endedAt} />
                  </>
                ) : null}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
