"use client";
// Every account, a page at a time (the API's cursor pagination).
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/api-client";
import type { User } from "@/lib/auth/schemas";
import { formatDate } from "@/lib/ui/format";
import { Announcer } from "@/app/_components/announcer";
import { LoadError } from "@/app/_components/load-error";
import { Button } from "@/app/_components/button";
import styles from "./users.module.css";

type Page = { users: User[]; nextCursor: string | null };

const PAGE_SIZE = 50;

const fetchUsers = (after: string | null) => api<Page>("/api/users", { query: { limit: PAGE_SIZE, cursor: after } });

export function UsersTable() {
  const [users, setUsers] = useState<User[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");
  const [error, setError] = useState<unknown>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // After "load more", focus goes to the first new row: the button may be gone.
  const [focusRow, setFocusRow] = useState<number | null>(null);

  const show = useCallback((page: Page, after: string | null) => {
    setUsers((current) => (after ? [...current, ...page.users] : page.users));
    setCursor(page.nextCursor);
    setStatus("ready");
  }, []);

  const fail = useCallback((failure: unknown) => {
    setError(failure);
    setStatus("error");
  }, []);

  const load = useCallback(
    (after: string | null) => {
      setStatus("loading");
      return fetchUsers(after).then((page) => show(page, after), fail);
    },
    [show, fail],
  );

  useEffect(() => {
    let active = true;
    fetchUsers(null).then(
      (page) => active && show(page, null),
      (failure: unknown) => active && fail(failure),
    );
    return () => {
      active = false;
    };
  }, [show, fail]);

  useEffect(() => {
    if (focusRow === null || status !== "ready") return;
    bodyRef.current?.rows[focusRow]?.focus();
  }, [focusRow, status]);

  function loadMore() {
    if (!cursor || status === "loading") return;
    setFocusRow(users.length);
    void load(cursor);
  }

  function retry() {
    void load(users.length ? cursor : null);
  }

  const initial = status === "loading" && users.length === 0;
  return (
    <div className={styles.wrap}>
      <Announcer message={status === "ready" ? `${users.length} users shown${cursor ? ", more available" : ""}.` : ""} />
      {status === "error" ? <LoadError what="the users" error={error} onRetry={retry} /> : null}
      <div className={`card ${styles.tableCard}`}>
        <table className={styles.table} aria-busy={status === "loading"}>
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
            {initial ? <SkeletonRows /> : null}
            {users.map((user) => (
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
      {cursor ? (
        <Button onClick={loadMore} busy={status === "loading"}>
          {status === "loading" ? "Loading…" : "Load more users"}
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
