"use client";
// Every account, a page at a time (the API's cursor pagination), starting from the
// first page the server page read.
import { useEffect, useRef } from "react";
import { admin } from "@/lib/api/endpoints";
import type { AdminUser } from "@/lib/auth/responses";
import { call } from "@/lib/client/api";
import { formatDate } from "@/lib/client/format";
import { Announcer } from "@/app/_components/announcer";
import { Button } from "@/app/_components/button";
import { LoadError } from "@/app/_components/load-error";
import { usePagedData, type FetchPage, type Paged } from "@/lib/client/hooks/use-paged-data";
import { USERS_PAGE_SIZE } from "./users-query";
import styles from "./users.module.css";

const fetchUsers: FetchPage<AdminUser> = async (cursor, signal) => {
  const page = await call(admin.listUsers, { query: { limit: USERS_PAGE_SIZE, cursor: cursor ?? undefined }, signal });
  return { rows: page.users, nextCursor: page.nextCursor };
};

export function UsersTable({ firstPage }: { firstPage: Paged<AdminUser> }) {
  const list = usePagedData({ key: "users", fetchPage: fetchUsers, served: { key: "users", page: firstPage } });
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // After "load more", focus goes to the first new row: the button may be gone.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    bodyRef.current?.rows[focusRow.current]?.focus();
    focusRow.current = null;
  }, [list.rows]);

  async function loadMore() {
    focusRow.current = list.rows.length;
    if ((await list.loadMore()) === 0) focusRow.current = null;
  }

  const busy = list.status === "loading" || list.more.loading;
  const failure = list.status === "error" ? list.error : list.more.error;
  const retry = list.status === "error" ? list.reload : loadMore;
  return (
    <div className={styles.wrap}>
      <Announcer message={busy ? "" : `${list.rows.length} users shown${list.nextCursor ? ", more available" : ""}.`} />
      {failure ? <LoadError what="the users" error={failure} onRetry={() => void retry()} /> : null}
      <div className={`card ${styles.tableCard}`}>
        <table className={styles.table} aria-busy={busy}>
          <caption className="visually-hidden">All users</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col" className={styles.joined}>
                Joined
              </th>
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {list.shownKey === null ? <SkeletonRows /> : null}
            {list.rows.map((user) => (
              <tr key={user.id} tabIndex={-1}>
                <td>
                  <span className={styles.person}>
                    <span className={styles.name}>{user.name ?? "No name given"}</span>
                    <span className={styles.email}>{user.email}</span>
                    <span className={styles.joinedInline}>Joined {formatDate(user.createdAt)}</span>
                  </span>
                </td>
                <td>{user.role === "admin" ? <span className="badge">Admin</span> : "User"}</td>
                <td className={styles.joined}>{formatDate(user.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.nextCursor ? (
        <Button onClick={() => void loadMore()} busy={list.more.loading}>
          {list.more.loading ? "Loading…" : "Load more users"}
        </Button>
      ) : null}
    </div>
  );
}

function SkeletonRows() {
  return (
    <>
      {[0, 1, 2].map((row) => (
        <tr key={row} aria-hidden="true">
          {[0, 1, 2].map((cell) => (
            <td key={cell} className={cell === 2 ? styles.joined : undefined}>
              <span className={`skeleton ${styles.skeletonCell}`} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
