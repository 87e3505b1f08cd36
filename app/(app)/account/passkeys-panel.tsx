"use client";
// The account's passkeys: add one made on this device (named after its model unless a name
// is typed), rename, remove. After a removal the browser is told which passkeys this site
// still accepts (the WebAuthn Signal API, where it has it), so it stops offering the other.
import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { passkeys as passkeyEndpoints } from "@/lib/api/endpoints";
import type { PasskeyView } from "@/lib/auth/responses";
import { call } from "@/lib/client/api";
import { describeError } from "@/lib/client/describe-error";
import { addPasskeyHere, browserSupportsWebAuthn, describePasskeyError, signalAcceptedPasskeys } from "@/lib/client/passkeys";
import { useRead } from "@/lib/client/hooks/use-read";
import { useStatus } from "@/app/_components/status-message";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { LoadError } from "@/app/_components/load-error";
import { PasskeyRow } from "./passkey-row";
import styles from "./account.module.css";

type PasskeysPanelProps = {
  /** GET /api/auth/passkeys's answer, read by the server page. */
  initial: PasskeyView[];
  userId: string;
  /** The relying party's id, for the Signal API. */
  rpId: string;
};

const readPasskeys = async (signal: AbortSignal) => (await call(passkeyEndpoints.listPasskeys, { signal })).passkeys;
const neverChanges = () => () => {};
const failure = (error: unknown) => describePasskeyError(error) ?? describeError(error);

export function PasskeysPanel({ initial, userId, rpId }: PasskeysPanelProps) {
  const list = useRead({ read: readPasskeys, served: initial });
  const status = useStatus();
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // Known only in the browser; the server renders the panel as if it could.
  const supported = useSyncExternalStore(neverChanges, browserSupportsWebAuthn, () => true);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const passkeys = list.data ?? [];

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (adding) return;
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    setError(null);
    setAdding(true);
    try {
      const { passkey } = await addPasskeyHere(name || undefined);
      form.reset();
      status.show(`Added the passkey “${passkey.name}”.`);
      await list.reload();
    } catch (caught) {
      setError(failure(caught));
    } finally {
      setAdding(false);
    }
  }

  async function rename(passkey: PasskeyView, name: string): Promise<boolean> {
    setError(null);
    try {
      await call(passkeyEndpoints.renamePasskey, { params: { id: passkey.id }, body: { name } });
      status.show(`Renamed the passkey to “${name.trim()}”.`);
      await list.reload();
      return true;
    } catch (caught) {
      setError(failure(caught));
      return false;
    }
  }

  async function remove(passkey: PasskeyView) {
    setError(null);
    try {
      await call(passkeyEndpoints.removePasskey, { params: { id: passkey.id } });
      const left = passkeys.filter((p) => p.id !== passkey.id);
      signalAcceptedPasskeys(rpId, userId, left.map((p) => p.credentialId));
      status.show(`Removed the passkey “${passkey.name}”.`);
      await list.reload();
      headingRef.current?.focus();
    } catch (caught) {
      setError(failure(caught));
    }
  }

  return (
    <section className={`card ${styles.section}`} aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading" ref={headingRef} tabIndex={-1}>
        Passkeys
      </h2>
      <p className="muted">Sign in with your fingerprint, face or device PIN instead of your password.</p>
      <FormAlert message={error} title="That didn't work" />
      {list.status === "error" ? <LoadError what="your passkeys" error={list.error} onRetry={list.reload} /> : null}
      {passkeys.length > 0 ? (
        <ul className={styles.sessions} aria-label="Your passkeys">
          {passkeys.map((passkey) => (
            <PasskeyRow key={passkey.id} passkey={passkey} onRename={(name) => rename(passkey, name)} onRemove={() => remove(passkey)} />
          ))}
        </ul>
      ) : (
        <p>You have no passkeys yet.</p>
      )}
      {supported ? (
        <form className={styles.form} onSubmit={add}>
          <Field label="Name of the new passkey" name="name" optional maxLength={100} hint="Leave it empty to name it after your device or password manager." />
          <div className={styles.actions}>
            <Button type="submit" variant="primary" busy={adding}>
              {adding ? "Waiting for your device…" : "Add a passkey"}
            </Button>
          </div>
        </form>
      ) : (
        <p className="muted">This browser cannot make passkeys.</p>
      )}
    </section>
  );
}
