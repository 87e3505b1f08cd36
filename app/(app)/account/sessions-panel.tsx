"use client";
// Where the account is signed in, with this device marked, and the sessions that ended
// in the last 30 days with why. Each other device can be signed out on its own, or all
// of them at once.
import { useRef, useState } from "react";
import { sessions as sessionEndpoints } from "@/lib/api/endpoints";
import type { SessionView } from "@/lib/auth/responses";
import { call } from "@/lib/client/api";
import { describeError } from "@/lib/client/describe-error";
import { describeUserAgent } from "@/lib/client/user-agent";
import { FormAlert } from "@/app/_components/form-alert";
import { LoadError } from "@/app/_components/load-error";
import { useStatus } from "@/app/_components/status-message";
import { useRead } from "@/lib/client/hooks/use-read";
import { EndedSessions } from "./ended-sessions";
import { SessionActions } from "./session-actions";
import { SessionRow, SessionRowSkeleton } from "./session-row";
import styles from "./account.module.css";

type SessionsPanelProps = {
  /** Bumped when something else ended sessions: the list reloads. */
  version: number;
  /** The sessions GET /api/auth/sessions?include=ended answers, read by the server page. */
  initial: SessionView[];
};

// Every session in one answer.
const readSessions = async (signal: AbortSignal) =>
  (await call(sessionEndpoints.listSessions, { query: { include: "ended" }, signal })).sessions;

export function SessionsPanel({ version, initial }: SessionsPanelProps) {
  const sessions = useRead({ read: readSessions, served: initial, version });
  const status = useStatus();
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const all = sessions.data ?? [];
  const active = all.filter((s) => s.endedAt === null);
  const ended = all.filter((s) => s.endedAt !== null);
  const others = active.filter((s) => !s.current);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
      status.show(done);
      await sessions.reload();
      // The row that had focus is gone: continue from the list's heading.
      headingRef.current?.focus();
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  const endOne = (session: SessionView) =>
    run(() => call(sessionEndpoints.endSession, { params: { id: session.id } }), `Signed out ${describeUserAgent(session.userAgent)}.`);
  // One call, whatever the number of devices: the server ends them together, and keeps
  // this session and its cookies.
  const endOthers = () =>
    run(() => call(sessionEndpoints.endSessions, { query: { except: "current" } }), "Signed out all your other devices.");

  return (
    <section className={`card ${styles.section}`} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" ref={headingRef} tabIndex={-1}>
        Where you&apos;re signed in
      </h2>
      <FormAlert message={error} title="That didn't work" />
      {sessions.status === "error" ? <LoadError what="your sessions" error={sessions.error} onRetry={sessions.reload} /> : null}
      <ul className={styles.sessions} aria-busy={sessions.status === "loading"} aria-label="Active sessions">
        {sessions.shownKey === null && sessions.status === "loading" ? <SessionRowSkeleton /> : null}
        {active.map((session) => (
          <SessionRow key={session.id} session={session} onEnd={() => endOne(session)} />
        ))}
      </ul>
      <SessionActions hasOthers={others.length > 0} onEndOthers={endOthers} onError={setError} />
      <EndedSessions sessions={ended} />
    </section>
  );
}
