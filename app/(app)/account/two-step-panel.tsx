"use client";
// The account page's "Two-step sign-in": whether TOTP is on and how many recovery codes
// are left (a warning at 3 or fewer), and the ways to change that: set up (TotpSetup),
// the codes shown once (RecoveryCodes), new codes, turn off. Each change is a sensitive
// action: a stale session meets the step-up dialog (app/_components/step-up-dialog.tsx)
// on the way, and the action goes through once it is answered.
import { useRef, useState } from "react";
import { z } from "zod";
import { factors } from "@/lib/api/endpoints";
import { ApiError, call } from "@/lib/client/api";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { useRead } from "@/lib/client/hooks/use-read";
import type { MfaStatusView } from "@/lib/auth/responses";
import { useStatus } from "@/app/_components/status-message";
import { LoadError } from "@/app/_components/load-error";
import { RecoveryCodes } from "./recovery-codes";
import { TotpSetup, type PendingSetup } from "./totp-setup";
import { TwoStepActions } from "./two-step-actions";
import styles from "./account.module.css";

type View = { kind: "status" } | { kind: "setup"; setup: PendingSetup } | { kind: "codes"; codes: string[] };

const readStatus = (signal: AbortSignal) => call(factors.getMfaStatus, { signal });

// Few enough that losing the phone soon could lock the person out.
export const LOW_RECOVERY_CODES = 3;

type TwoStepPanelProps = { initial: MfaStatusView; email: string };

export function TwoStepPanel({ initial, email }: TwoStepPanelProps) {
  const status = useRead({ read: readStatus, served: initial });
  const [view, setView] = useState<View>({ kind: "status" });
  const statusMessage = useStatus();
  const headingRef = useRef<HTMLHeadingElement>(null);

  function backToStatus(message: string | null) {
    setView({ kind: "status" });
    if (message) statusMessage.show(message);
    // The part the person was in is gone; the panel's heading is where they are now.
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  const start = useFormSubmit({
    schema: z.object({}),
    send: () => call(factors.startTotpSetup),
    onSuccess: (setup) => {
      statusMessage.clear();
      setView({ kind: "setup", setup });
    },
    // Turned on elsewhere meanwhile: show it as it is.
    onFailure: (error) => {
      if (error instanceof ApiError && error.code === "mfa_already_enabled") void status.reload();
    },
  });

  const data = status.data;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="two-step-heading">
      <h2 id="two-step-heading" ref={headingRef} tabIndex={-1}>
        Two-step sign-in
      </h2>
      {data === undefined ? (
        status.status === "error" ? (
          <LoadError what="your two-step sign-in" error={status.error} onRetry={() => void status.reload()} />
        ) : (
          <p className="muted">Loading…</p>
        )
      ) : view.kind === "setup" ? (
        <TotpSetup
          setup={view.setup}
          onCancel={() => backToStatus(null)}
          onConfirmed={(codes) => {
            status.update((s) => ({ ...s, totp: true, recovery_codes_left: codes.length }));
            setView({ kind: "codes", codes });
          }}
        />
      ) : view.kind === "codes" ? (
        <RecoveryCodes codes={view.codes} email={email} onSaved={() => backToStatus(data.totp ? "Two-step sign-in is on." : null)} />
      ) : (
        <>
          <StatusWords status={data} />
          <TwoStepActions
            status={data}
            start={start}
            onNewCodes={(codes) => {
              status.update((s) => ({ ...s, recovery_codes_left: codes.length }));
              setView({ kind: "codes", codes });
            }}
            onTurnedOff={() => {
              status.update((s) => ({ ...s, totp: false, recovery_codes_left: 0 }));
              backToStatus("Two-step sign-in is off. Signing in needs only your password now.");
            }}
          />
        </>
      )}
    </section>
  );
}

function StatusWords({ status }: { status: MfaStatusView }) {
  if (!status.totp) {
    return (
      <p>
        <span className="badge badge-neutral">Off</span> Turn it on and signing in also asks for a code from an
        authenticator app on your phone, so a stolen password alone is not enough.
      </p>
    );
  }
  const left = status.recovery_codes_left;
  return (
    <>
      <p>
        <span className="badge">On</span> After your password, signing in asks for a code from your authenticator app.
      </p>
      <p>
        Recovery codes left: <strong>{left} of 10</strong>
      </p>
      {left <= LOW_RECOVERY_CODES ? (
        <p className={styles.warning}>
          {left === 0 ? "You have no recovery codes left." : `Only ${left} recovery ${left === 1 ? "code is" : "codes are"} left.`}{" "}
          Make new ones now, so you can still sign in if you lose your phone.
        </p>
      ) : null}
    </>
  );
}
