"use client";
import type { ReactNode } from "react";
import { api } from "@/lib/client/api";
import type { User } from "@/lib/auth/responses";
import { LoadError } from "@/app/_components/load-error";
import { LocalTime } from "@/app/_components/local-time";
import { usePagedData, type FetchPage, type Paged } from "@/lib/client/hooks/use-paged-data";
import styles from "./account.module.css";
import type * as auth from "@/lib/api/operations/auth";
import type { ReplyOf } from "@/lib/api/operation";

// One resource, so one page of one row: the same hook as every list on the pages.
const fetchMe: FetchPage<User> = async (_cursor, signal) => {
  const { user } = await api<ReplyOf<typeof auth.getMe>>("/api/auth/me", { signal });
  return { rows: [user], nextCursor: null };
};

/** `initial`: the user GET /api/auth/me answers, read by the server page. */
export function ProfileCard({ initial }: { initial: Paged<User> }) {
  const me = usePagedData({ key: "me", fetchPage: fetchMe, served: { key: "me", page: initial } });
  const [user] = me.rows;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      {me.status === "error" ? <LoadError what="your profile" error={me.error} onRetry={me.reload} /> : null}
      <dl className={styles.facts} aria-busy={me.status === "loading"}>
        <Fact term="Name" value={user ? (user.name ?? "Not given") : null} />
        <Fact
          term="Email"
          value={
            user ? (
              <>
                {user.email} {user.emailVerified ? null : <span className="badge badge-neutral">Not confirmed</span>}
              </>
            ) : null
          }
        />
        <Fact term="Member since" value={user ? <LocalTime iso={user.createdAt} dateOnly /> : null} />
        {user?.role === "admin" ? <Fact term="Role" value="Administrator" /> : null}
      </dl>
    </section>
  );
}

function Fact({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value ?? <span className={`skeleton ${styles.factSkeleton}`} aria-hidden="true" />}</dd>
    </div>
  );
}
