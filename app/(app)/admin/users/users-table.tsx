"use client";
// Every account, a page at a time (the API's cursor pagination), starting from the
// first page the server page read; a search by email reads from the start again, and
// "load more" goes on within the search.
import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { admin } from "@/lib/api/endpoints";
import type { AdminUser } from "@/lib/auth/responses";
import { call } from "@/lib/client/api";
import { useDebouncedValue } from "@/lib/client/hooks/use-debounced-value";
import { usePagedData, type FetchPage, type Paged } from "@/lib/client/hooks/use-paged-data";
import { Announcer } from "@/app/_components/announcer";
import { Button } from "@/app/_components/button";
import { LoadError } from "@/app/_components/load-error";
import { LocalTime } from "@/app/_components/local-time";
import { USERS_PAGE_SIZE } from "./users-query";
import { UserStatus } from "./user-status";
import styles from "./users.module.css";
import { countOf } from "@/lib/client/format";

export function UsersTable({ firstPage }: { firstPage: Paged<AdminUser> }) {
  const searchId = useId();
  const [search, setSearch] = useState("");
  // What the table is for: the typed words once typing pauses, or at once on Enter.
  const [submitted, setSubmitted] = useState<string | null>(null);
  const settled = useDebouncedValue(search.trim(), 300);
  const q = submitted ?? settled;
  const fetchUsers: FetchPage<AdminUser> = useCallback(
    async (cursor, signal) => {
      const page = await call(admin.listUsers, { query: { limit: USERS_PAGE_SIZE, cursor: cursor ?? undefined, q: q || undefined }, signal });
      return { rows: page.users, nextCursor: page.nextCursor };
    },
    [q],
  );
  const list = usePagedData({ key: q, fetchPage: fetchUsers, served: { key: "", page: firstPage } });
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
  const shownFor = list.shownKey ?? "";
  const summary = `${countOf(list.rows.length, "user")}${shownFor ? ` matching “${shownFor}”` : ""} shown${list.nextCursor ? ", more available" : ""}.`;
  return (
    <div className={styles.wrap}>
      <form
        role="search"
        className={styles.search}
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(search.trim());
        }}
      >
        <div className="field">
          <label className="label" htmlFor={searchId}>
            Search by email
          </label>
          <input
            id={searchId}
            className="input"
            type="search"
            name="q"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setSubmitted(null);
            }}
            autoComplete="off"
            spellCheck={false}
            maxLength={254}
          />
        </div>
        <Button type="submit">Search</Button>
      </form>
      <Announcer message={busy ? "" : summary} />
      {failure ? <LoadError what="the users" error={failure} onRetry={() => void retry()} /> : null}
      <div className={`card ${styles.tableCard}`}>
        <table className={styles.table} aria-busy={busy}>
          <caption className="visually-hidden">All users</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col" className={styles.wide}>
                Two-step
              </th>
              <th scope="col" className={styles.wide}>
                Last sign-in
              </th>
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {list.shownKey === null ? <SkeletonRows /> : null}
            {list.shownKey !== null && list.rows.length === 0 ? (
              <tr>
                <td colSpan={5} className={styles.empty}>
                  {shownFor ? `No user's email contains “${shownFor}”.` : "No users yet."}
                </td>
              </tr>
            ) : null}
            {list.rows.map((user) => (
              <tr key={user.id} tabIndex={-1}>
                <td>
                  <span className={styles.person}>
                    {/* Named with the email too: two people may share a name. */}
                    <Link href={`/admin/users/${user.id}`} className={styles.name} aria-label={`${user.name ?? "No name given"}, ${user.email}`}>
                      {user.name ?? "No name given"}
                    </Link>
                    <span className={styles.email} aria-hidden="true">
                      {user.email}
                    </span>
                    <span className={styles.inline}>
                      Two-step {user.mfa ? "on" : "off"} · {user.lastLoginAt ? <>Last sign-in <LocalTime iso={user.lastLoginAt} dateOnly /></> : "Never signed in"}
                    </span>
                  </span>
                </td>
                <td>{user.role === "admin" ? <span className="badge">Admin</span> : "User"}</td>
                <td>
                  <UserStatus disabled={user.disabled} />
                </td>
                <td className={styles.wide}>{user.mfa ? "On" : "Off"}</td>
                <td className={styles.wide}>{user.lastLoginAt ? <LocalTime iso={user.lastLoginAt} /> : <span className="muted">Never</span>}</td>
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
          {[0, 1, 2, 3, 4].map((cell) => (
            <td key={cell} className={cell >= 3 ? styles.wide : undefined}>
              <span className={`skeleton ${styles.skeletonCell}`} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
