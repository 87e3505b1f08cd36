"use client";
// Events of the audit trail, newest first, a page at a time: on the audit page (every
// event, or one user's, or one type) and on a user's page (that user's). Each says what
// happened in words, whether it failed (in words and a mark, not colour alone), who acted
// on whom (linked to their pages), from where, and an admin's reason.
import Link from "next/link";
import { useCallback } from "react";
import type { z } from "zod";
import { admin } from "@/lib/api/endpoints";
import type { AuditEventType } from "@/lib/audit/events";
import type { AuditPageSchema } from "@/lib/audit/schemas";
import { describeEvent } from "@/lib/client/activity-words";
import { call } from "@/lib/client/api";
import { usePagedData, type FetchPage, type Paged } from "@/lib/client/hooks/use-paged-data";
import { describeUserAgent } from "@/lib/client/user-agent";
import { Announcer } from "@/app/_components/announcer";
import { Button } from "@/app/_components/button";
import { LoadError } from "@/app/_components/load-error";
import { LocalTime } from "@/app/_components/local-time";
import { auditKey } from "./audit-query";
import styles from "./audit.module.css";
import { countOf } from "@/lib/client/format";

export type AuditEvent = z.output<typeof AuditPageSchema>["events"][number];
export type AuditFilter = { user?: string | undefined; type?: AuditEventType | undefined };

type EventListProps = {
  filter: AuditFilter;
  pageSize: number;
  /** The first page the server page read, and the filter it read it for. */
  served: { filter: AuditFilter; page: Paged<AuditEvent> };
  /** Bumped after a change made here (an admin action): the list reads again. */
  version?: number;
  /** The user whose page this is: named "this user" rather than linked. */
  about?: string;
  label: string;
  /** What to say when there are none. */
  empty?: string;
};

export function EventList({ filter, pageSize, served, version = 0, about, label, empty = "No events match." }: EventListProps) {
  const { user, type } = filter;
  const fetchEvents: FetchPage<AuditEvent> = useCallback(
    async (cursor, signal) => {
      const page = await call(admin.listAuditEvents, { query: { user, type, limit: pageSize, cursor: cursor ?? undefined }, signal });
      return { rows: page.events, nextCursor: page.nextCursor };
    },
    [user, type, pageSize],
  );
  const list = usePagedData({
    key: `${auditKey(filter)}|${version}`,
    fetchPage: fetchEvents,
    served: { key: `${auditKey(served.filter)}|0`, page: served.page },
  });
  const busy = list.status === "loading" || list.more.loading;
  const failure = list.status === "error" ? list.error : list.more.error;
  return (
    <div className={styles.listWrap}>
      <Announcer message={busy ? "" : `${countOf(list.rows.length, "event")} shown${list.nextCursor ? ", more available" : ""}.`} />
      {failure ? <LoadError what="the events" error={failure} onRetry={() => void (list.status === "error" ? list.reload() : list.loadMore())} /> : null}
      {list.shownKey !== null && list.rows.length === 0 ? <p className="muted">{empty}</p> : null}
      <ol className={styles.events} aria-label={label} aria-busy={busy}>
        {list.rows.map((event) => (
          <EventRow key={event.id} event={event} about={about} />
        ))}
      </ol>
      {list.nextCursor ? (
        <Button onClick={() => void list.loadMore()} busy={list.more.loading}>
          {list.more.loading ? "Loading…" : "Load more events"}
        </Button>
      ) : null}
    </div>
  );
}

function EventRow({ event, about }: { event: AuditEvent; about: string | undefined }) {
  const failed = event.outcome === "failure";
  const details = event.details ? Object.entries(event.details).filter(([key]) => key !== "why") : [];
  return (
    <li className={failed ? `${styles.event} ${styles.failed}` : styles.event}>
      <p className={styles.what}>
        {failed ? (
          <span className={styles.failedMark}>
            <span aria-hidden="true">✕ </span>Failed
          </span>
        ) : null}
        <span>{describeEvent({ type: event.type, outcome: event.outcome, details: event.details })}</span>
        <code className={styles.type}>{event.type}</code>
      </p>
      <p className={styles.meta}>
        <LocalTime iso={event.at} />
        {" · "}
        <Who kind={event.actor} id={event.actorId} about={about} />
        {event.targetId && event.targetId !== event.actorId ? (
          <>
            {" → "}
            <Person id={event.targetId} about={about} />
          </>
        ) : null}
      </p>
      <p className={styles.meta}>
        {event.ip ?? "No address"} · {describeUserAgent(event.userAgent)}
      </p>
      {event.reason ? <p className={styles.reason}>Reason: “{event.reason}”</p> : null}
      {details.length > 0 ? (
        <p className={styles.meta}>
          {details.map(([key, value], index) => (
            <span key={key}>
              {index > 0 ? " · " : null}
              <Detail name={key} value={value} />
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

/** A fact of the event; a disable's end as a time on the reader's clock. */
function Detail({ name, value }: { name: string; value: string | number | boolean | null }) {
  if (name === "until") return value === null ? <>No end set</> : <>Until <LocalTime iso={String(value)} /></>;
  return (
    <>
      {name.replaceAll("_", " ")}: {value === null ? "none" : String(value)}
    </>
  );
}

function Who({ kind, id, about }: { kind: AuditEvent["actor"]; id: string | null; about: string | undefined }) {
  if (kind === "system") return <>by the app</>;
  if (id !== null && id === about) return <>by this user</>;
  const role = kind === "admin" ? "admin" : "user";
  return id ? (
    <>
      by {role} <Person id={id} about={about} />
    </>
  ) : (
    <>by an unknown {role}</>
  );
}

function Person({ id, about }: { id: string; about: string | undefined }) {
  if (id === about) return <>this user</>;
  return (
    <Link href={`/admin/users/${id}`} className={styles.id}>
      {id}
    </Link>
  );
}
