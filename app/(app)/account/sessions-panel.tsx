"use client";
// Where the account is signed in, with this device marked, and the sessions that ended
// in the last 30 days with why. Each other device can be signed out on its own.
import { useRef, useState } from "react";
import { api } from "@/lib/api-client";
import type { SessionView } from "@/lib/auth/responses";
import { describeError } from "@/lib/ui/describe-error";
import { describeUserAgent } from "@/lib/ui/format";
import { Announcer } from "@/app/_components/announcer";
import { FormAlert } from "@/app/_components/form-alert";
import { LoadError } from "@/app/_components/load-error";
import { useApiData } from "@/app/_components/use-api-data";
import { EndedSessions } from "./ended-sessions";
import { SessionActions } from "./session-actions";
import { SessionRow, SessionRowSkeleton } from "./session-row";
import styles from "./account.module.css";

type SessionsPanelProps = {
  /** Bumped when something else ended sessions: the list reloads. */
  version: number;
  /** What GET /api/auth/sessions?include=ended answers, read by the server page. */
  initial: { sessions: SessionView[] };
};

export function SessionsPanel({ version, initial }: SessionsPanelProps) {
  const sessions = useApiData("/api/auth/sessions?include=ended", { version, initial });
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const all = sessions.data?.sessions ?? [];
  const active = all.filter((s) => s.endedAt === null);
  const ended = all.filter((s) => s.endedAt !== null);
  const others = active.filter((s) => !s.current);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
      setMessage(done);
      await sessions.reload();
      // The row that had focus is gone: continue from the list's heading.
      headingRef.current?.focus();
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  const endOne = (session: SessionView) =>
    run(() => api(`/api/auth/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" }), `Signed out ${describeUserAgent(session.userAgent)}.`);
  const endOthers = () =>
    run(
      () => Promise.all(others.map((s) => api(`/api/auth/sessions/${encodeURIComponent(s.id)}`, { method: "DELETE" }))),
      "Signed out all your other devices.",
    );

  return (
    <section className={`card ${styles.section}`} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" ref={headingRef} tabIndex={-1}>
        Where you&apos;re signed in
      </h2>
      <Announcer message={message} />
      <FormAlert message={error} title="That didn't work" />
      {sessions.status === "error" ? <LoadError what="your sessions" error={sessions.error} onRetry={sessions.reload} /> : null}
      <ul className={styles.sessions} aria-busy={sessions.status === "loading"} aria-label="Active sessions">
        {sessions.data === null && sessions.status === "loading" ? <SessionRowSkeleton /> : null}
        {active.map((session) => (
          <SessionRow key={session.id} session={session} onEnd={() => endOne(session)} />
        ))}
      </ul>
      <SessionActions hasOthers={others.length > 0} onEndOthers={endOthers} onError={setError} />
      <EndedSessions sessions={ended} />
    </section>
  );
}
