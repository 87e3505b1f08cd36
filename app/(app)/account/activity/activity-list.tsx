"use client";
// The account's security events, newest first, a page at a time: when, what happened in
// words, and for what the account itself (or someone with its password) did, from which
// device (browser and system) and address; an admin's device and address are not the
// owner's. A failed attempt stands out by its words ("Failed sign-in"), a mark and a
// coloured edge, never by colour alone.
import type { z } from "zod";
import { sessions } from "@/lib/api/endpoints";
import type { ActivityPageSchema } from "@/lib/audit/schemas";
import { describeEvent } from "@/lib/client/activity-words";
import { call } from "@/lib/client/api";
import { usePagedData, type FetchPage, type Paged } from "@/lib/client/hooks/use-paged-data";
import { describeUserAgent } from "@/lib/client/user-agent";
import { Announcer } from "@/app/_components/announcer";
import { Button } from "@/app/_components/button";
import { LoadError } from "@/app/_components/load-error";
import { LocalTime } from "@/app/_components/local-time";
import { ACTIVITY_PAGE_SIZE } from "./activity-query";
import styles from "./activity.module.css";
import { countOf } from "@/lib/client/format";

type ActivityEvent = z.output<typeof ActivityPageSchema>["events"][number];

const fetchActivity: FetchPage<ActivityEvent> = async (cursor, signal) => {
  const page = await call(sessions.getActivity, { query: { limit: ACTIVITY_PAGE_SIZE, cursor: cursor ?? undefined }, signal });
  return { rows: page.events, nextCursor: page.nextCursor };
};

export function ActivityList({ firstPage }: { firstPage: Paged<ActivityEvent> }) {
  const list = usePagedData({ key: "activity", fetchPage: fetchActivity, served: { key: "activity", page: firstPage } });
  const busy = list.status === "loading" || list.more.loading;
  const failure = list.status === "error" ? list.error : list.more.error;
  const failed = list.rows.filter((event) => event.outcome === "failure").length;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="events-heading">
      <h2 id="events-heading">Events</h2>
      <Announcer
        message={busy ? "" : `${countOf(list.rows.length, "event")} shown${failed ? `, ${failed} of them failed` : ""}${list.nextCursor ? ", more available" : ""}.`}
      />
      {failure ? <LoadError what="your activity" error={failure} onRetry={() => void (list.status === "error" ? list.reload() : list.loadMore())} /> : null}
      {list.shownKey !== null && list.rows.length === 0 ? <p className="muted">Nothing in the last 90 days.</p> : null}
      <ol className={styles.events} aria-label="Security events" aria-busy={busy}>
        {list.rows.map((event) => (
          <EventRow key={event.id} event={event} />
        ))}
      </ol>
      {list.nextCursor ? (
        <div>
          <Button onClick={() => void list.loadMore()} busy={list.more.loading}>
            {list.more.loading ? "Loading…" : "Show older events"}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function EventRow({ event }: { event: ActivityEvent }) {
  const failed = event.outcome === "failure";
  return (
    <li className={failed ? `${styles.event} ${styles.failed}` : styles.event}>
      <p className={styles.what}>
        {failed ? (
          <span className={styles.failedMark} aria-hidden="true">
            ⚠
          </span>
        ) : null}
        <span>{describeEvent(event)}</span>
      </p>
      <p className={styles.when}>
        <LocalTime iso={event.at} />
      </p>
      {event.actor === "self" ? (
        <p className={styles.where}>
          <span>{describeUserAgent(event.userAgent)}</span>
          <span aria-hidden="true"> · </span>
          <span>{event.ip ? <>Address {event.ip}</> : "Address unknown"}</span>
        </p>
      ) : null}
    </li>
  );
}
