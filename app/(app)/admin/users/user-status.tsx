"use client";
// An account's state in words: Active, Disabled, or Disabled until a moment on the
// reader's clock. A badge with words, so it never rests on colour alone.
import type { AdminUser } from "@/lib/auth/responses";
import { LocalTime } from "@/app/_components/local-time";
import styles from "./users.module.css";

export function UserStatus({ disabled }: { disabled: AdminUser["disabled"] }) {
  if (!disabled) return <span className={styles.active}>Active</span>;
  return (
    <span className={styles.disabled}>
      Disabled
      {disabled.until ? (
        <>
          {" "}
          until <LocalTime iso={disabled.until} />
        </>
      ) : null}
    </span>
  );
}
