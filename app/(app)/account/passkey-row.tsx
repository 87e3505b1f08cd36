"use client";
// One passkey: its name, synced or bound to one device, when it was added and last used, a
// warning when a sign-in with it was refused for a counter that went back; rename, remove.
import { useState, type FormEvent } from "react";
import type { PasskeyView } from "@/lib/auth/responses";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { LocalTime } from "@/app/_components/local-time";
import styles from "./account.module.css";

type PasskeyRowProps = {
  passkey: PasskeyView;
  onRename: (name: string) => Promise<boolean>;
  onRemove: () => Promise<void>;
};

export function PasskeyRow({ passkey, onRename, onRemove }: PasskeyRowProps) {
  const [mode, setMode] = useState<"show" | "rename" | "confirm">("show");
  const [busy, setBusy] = useState(false);

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setBusy(true);
    if (await onRename(name)) setMode("show");
    setBusy(false);
  }

  async function remove() {
    setBusy(true);
    await onRemove();
    setBusy(false);
  }

  return (
    <li className={styles.session}>
      <div className={styles.sessionText}>
        <p className={styles.device}>
          {passkey.name} <span className="badge badge-neutral">{passkey.backedUp ? "Synced" : "On one device"}</span>
        </p>
        <p className={`muted ${styles.small}`}>
          Added <LocalTime iso={passkey.createdAt} /> ·{" "}
          {passkey.lastUsedAt ? (
            <>
              last used <LocalTime iso={passkey.lastUsedAt} />
            </>
          ) : (
            "never used"
          )}
        </p>
        {passkey.counterRegressedAt ? (
          <p className={`alert ${styles.small}`}>
            A sign-in with this passkey was refused on <LocalTime iso={passkey.counterRegressedAt} />: its counter went backwards,
            which happens when the key was copied. If you did not restore it from a backup, remove it.
          </p>
        ) : null}
      </div>
      {mode === "rename" ? (
        <form className={styles.form} onSubmit={rename}>
          <Field label={`New name for ${passkey.name}`} name="name" defaultValue={passkey.name} maxLength={100} required autoFocus />
          <div className={styles.actions}>
            <Button type="submit" small busy={busy}>Save name</Button>
            <Button small onClick={() => setMode("show")}>Cancel</Button>
          </div>
        </form>
      ) : mode === "confirm" ? (
        <div className={styles.actions}>
          <Button variant="danger" small busy={busy} onClick={remove}>
            Remove {passkey.name}
          </Button>
          <Button small onClick={() => setMode("show")}>Keep it</Button>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button small onClick={() => setMode("rename")}>
            Rename<span className="visually-hidden"> {passkey.name}</span>
          </Button>
          <Button variant="quiet-danger" small onClick={() => setMode("confirm")}>
            Remove<span className="visually-hidden"> {passkey.name}</span>
          </Button>
        </div>
      )}
    </li>
  );
}
