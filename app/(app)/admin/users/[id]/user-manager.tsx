"use client";
// One user for an admin: the facts, the actions (each asked about in a dialog that says
// what will happen to whom), and the user's latest events. After an action the facts are
// the API's answer and the events are read again, so the new event shows at once.
import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { AdminUser } from "@/lib/auth/responses";
import type { Paged } from "@/lib/client/hooks/use-paged-data";
import { useStatus } from "@/app/_components/status-message";
import { LocalTime } from "@/app/_components/local-time";
import { EventList, type AuditEvent } from "../../audit/event-list";
import { USER_EVENTS_PAGE_SIZE } from "../../audit/audit-query";
import { UserStatus } from "../user-status";
import { UserActions } from "./user-actions";
import styles from "./user.module.css";
import { countOf } from "@/lib/client/format";

type UserManagerProps = { initialUser: AdminUser; firstEvents: Paged<AuditEvent>; isSelf: boolean };

export function UserManager({ initialUser, firstEvents, isSelf }: UserManagerProps) {
  const [user, setUser] = useState(initialUser);
  const [eventsVersion, setEventsVersion] = useState(0);
  const status = useStatus();
  // The dialog has closed by the time the result shows: focus goes to the page's heading,
  // not back to a button that may have gone (Disable becomes Enable); the status message
  // says what happened.
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Bumped by every result. An effect, so that it runs once the dialog has closed (the
  // page behind a modal dialog cannot take focus) and after the dialog gave focus back.
  const [results, setResults] = useState(0);
  useEffect(() => {
    if (results > 0) headingRef.current?.focus();
  }, [results]);

  return (
    <>
      <div className={styles.intro}>
        <h1 className={styles.heading} ref={headingRef} tabIndex={-1}>{user.name ?? user.email}</h1>
      </div>
      <section className={`card ${styles.section}`} aria-labelledby="facts-heading">
        <h2 id="facts-heading">Account</h2>
        <dl className={styles.facts}>
          <Fact term="Email" wide>
            {user.email} {user.emailVerified ? null : <span className="badge badge-neutral">Not confirmed</span>}
          </Fact>
          <Fact term="Role">{user.role === "admin" ? "Administrator" : "User"}</Fact>
          <Fact term="Joined">
            <LocalTime iso={user.createdAt} dateOnly />
          </Fact>
          <Fact term="Status">
            <UserStatus disabled={user.disabled} />
          </Fact>
          {user.disabled ? <Fact term="Why it is disabled">“{user.disabled.reason}”</Fact> : null}
          <Fact term="Two-step sign-in">{user.mfa ? "On" : "Off"}</Fact>
          <Fact term="Last sign-in">{user.lastLoginAt ? <LocalTime iso={user.lastLoginAt} /> : "Never"}</Fact>
          <Fact term="Signed in on">
            {user.activeSessions === 0 ? "No devices" : countOf(user.activeSessions, "device")}
          </Fact>
        </dl>
      </section>
      <UserActions
        user={user}
        isSelf={isSelf}
        onDone={(message, changed) => {
          if (changed) setUser(changed);
          status.show(message);
          setResults((n) => n + 1);
          setEventsVersion((v) => v + 1);
        }}
        onStart={status.clear}
      />
      <section className={`card ${styles.section}`} aria-labelledby="events-heading">
        <div className={styles.sectionHead}>
          <h2 id="events-heading">Recent events</h2>
          <Link href={`/admin/audit?user=${user.id}`}>All events of this user</Link>
        </div>
        <EventList
          filter={{ user: user.id }}
          pageSize={USER_EVENTS_PAGE_SIZE}
          served={{ filter: { user: user.id }, page: firstEvents }}
          version={eventsVersion}
          about={user.id}
          label={`Events of ${user.email}`}
          empty="No events of this user yet."
        />
      </section>
    </>
  );
}

function Fact({ term, wide = false, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? `${styles.fact} ${styles.wideFact}` : styles.fact}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </div>
  );
}
