"use client";
// What can be done from the two-step panel's status: start a setup while TOTP is off; make
// new recovery codes or turn it off while it is on. The last two void something at once,
// so each asks first, in place, with the focus moved into the question and back on cancel.
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { factors } from "@/lib/api/endpoints";
import { call } from "@/lib/client/api";
import { useFormSubmit, type FormSubmit } from "@/lib/client/hooks/use-form-submit";
import type { MfaStatusView } from "@/lib/auth/responses";
import { Button } from "@/app/_components/button";
import { Form } from "@/app/_components/form";
import { SubmitButton } from "@/app/_components/submit-button";
import styles from "./account.module.css";

const NoFields = z.object({});

type Asked = "new-codes" | "turn-off";

type TwoStepActionsProps = {
  status: MfaStatusView;
  /** Starting a setup: its form lives in the panel, which shows the setup it answers. */
  start: FormSubmit;
  onNewCodes: (codes: string[]) => void;
  onTurnedOff: () => void;
};

export function TwoStepActions({ status, start, onNewCodes, onTurnedOff }: TwoStepActionsProps) {
  const [asking, setAsking] = useState<Asked | null>(null);
  // A cancelled question gives the focus back to the button that opened it.
  const [returnTo, setReturnTo] = useState<Asked | null>(null);
  const cancel = () => {
    setReturnTo(asking);
    setAsking(null);
  };
  const newCodes = useFormSubmit({
    schema: NoFields,
    send: () => call(factors.renewRecoveryCodes),
    onSuccess: (reply) => onNewCodes(reply.recovery_codes),
  });
  const turnOff = useFormSubmit({ schema: NoFields, send: () => call(factors.disableTotp), onSuccess: onTurnedOff });

  if (!status.totp) {
    return (
      <Form form={start} failure="Couldn't start the setup" className={styles.form}>
        <div>
          <SubmitButton busy={start.busy} busyLabel="Starting…">
            Set up two-step sign-in
          </SubmitButton>
        </div>
      </Form>
    );
  }
  if (asking === "new-codes") {
    return (
      <Question
        form={newCodes}
        question="Make new recovery codes? Your current codes stop working at once."
        failure="Couldn't make new codes"
        confirm="Make new codes"
        busyLabel="Making codes…"
        onCancel={cancel}
      />
    );
  }
  if (asking === "turn-off") {
    return (
      <Question
        form={turnOff}
        question="Turn off two-step sign-in? Your recovery codes stop working, and your password alone signs you in."
        failure="Couldn't turn off two-step sign-in"
        confirm="Turn off"
        busyLabel="Turning off…"
        danger
        onCancel={cancel}
      />
    );
  }
  return (
    <div className={styles.actions}>
      <Opener focus={returnTo === "new-codes"} onOpen={() => setAsking("new-codes")}>
        Make new recovery codes…
      </Opener>
      <Opener focus={returnTo === "turn-off"} onOpen={() => setAsking("turn-off")} danger>
        Turn off…
      </Opener>
    </div>
  );
}

type OpenerProps = { focus: boolean; onOpen: () => void; danger?: boolean; children: string };

function Opener({ focus, onOpen, danger = false, children }: OpenerProps) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <Button ref={ref} variant={danger ? "quiet-danger" : "plain"} onClick={onOpen}>
      {children}
    </Button>
  );
}

type QuestionProps = {
  form: FormSubmit;
  question: string;
  failure: string;
  confirm: string;
  busyLabel: string;
  danger?: boolean;
  onCancel: () => void;
};

function Question({ form, question, failure, confirm, busyLabel, danger = false, onCancel }: QuestionProps) {
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  return (
    <Form form={form} failure={failure} alertsInside className={styles.form}>
      <p ref={questionRef} tabIndex={-1} className={styles.question}>
        {question}
      </p>
      <div className={styles.actions}>
        <SubmitButton busy={form.busy} busyLabel={busyLabel} variant={danger ? "danger" : "primary"}>
          {confirm}
        </SubmitButton>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
