"use client";
// Where the account is signed in, with this device marked, and the sessions that ended
// in the last 30 days with why. Each other device can be signed out on its own, or all
// of them at once.
import { useRef, useState } from "react";
import { api } from "@/lib/client/api";
import type { SessionView } from "@/lib/auth/responses";
import { describeError } from "@/lib/client/describe-error";
import { describeUserAgent } from "@/lib/client/format";
import { Announcer } from "@/app/_components/announcer";
import { FormAlert } from "@/app/_components/form-alert";
import { LoadError } from "@/app/_components/load-error";
import { usePagedData, type FetchPage, type Paged } from "@/lib/client/hooks/use-paged-data";
import { EndedSessions } from "./ended-sessions";
import { SessionActions } from "./session-actions";
import { SessionRow, SessionRowSkeleton } from "./session-row";
import styles from "./account.module.css";
import type * as sessionOperations from "@/lib/api/operations/sessions";
import type { ReplyOf } from "@/lib/api/operation";

type SessionsPanelProps = {
  /** Bumped when something else ended sessions: the list reloads. */
  version: number;
  /** The sessions GET /api/auth/sessions?include=ended answers, read by the server page. */
  initial: Paged<SessionView>;
};

// Every session in one answer: a list of one page.
const fetchSessions: FetchPage<SessionView> = async (_cursor, signal) => {
  const { sessions } = await api<ReplyOf<typeof sessionOperations.listSessions>>("/api/auth/sessions", { query: { include: "ended" }, signal });
  return { rows: sessions, nextCursor: null };
};

export function SessionsPanel({ version, initial }: SessionsPanelProps) {
  const sessions = usePagedData({ key: "sessions", fetchPage: fetchSessions, served: { key: "sessions", page: initial }, version });
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const all = sessions.rows;
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
  // One call, whatever the number of devices: the server ends them together, and keeps
  // this session and its cookies.
  const endOthers = () =>
    run(() => api("/api/auth/sessions", { method: "DELETE", query: { except: "current" } }), "Signed out all your other devices.");

  return (
    <section className={`card ${styles.section}`} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" ref={headingRef} tabIndex={-1}>
        Where you&apos;re signed in
      </h2>
      <Announcer message={message} />
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
