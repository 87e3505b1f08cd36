"use client";
import type { ReactNode } from "react";
import { auth } from "@/lib/api/endpoints";
import type { User } from "@/lib/auth/responses";
import { call } from "@/lib/client/api";
import { LoadError } from "@/app/_components/load-error";
import { LocalTime } from "@/app/_components/local-time";
import { useRead } from "@/lib/client/hooks/use-read";
import styles from "./account.module.css";

const readMe = async (signal: AbortSignal) => (await call(auth.getMe, { signal })).user;

/** `initial`: the user GET /api/auth/me answers, read by the server page. */
export function ProfileCard({ initial }: { initial: User }) {
  const me = useRead({ read: readMe, served: initial });
  const user = me.data;
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
