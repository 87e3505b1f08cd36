"use client";
// What an admin may do to a user: disable (with a reason and an optional end), enable,
// end every session, remove two-step sign-in. Each opens a dialog that says exactly what
// will happen to whom and asks for the reason the user is mailed; nothing happens before
// its button is pressed. Each is a sensitive action: a 401 step_up_required is answered by
// the shared step-up dialog inside call() (lib/client/step-up.ts), and the write sent again.
import { useState } from "react";
import { z } from "zod";
import { admin } from "@/lib/api/endpoints";
import { AdminReasonSchema } from "@/lib/auth/schemas";
import type { AdminUser } from "@/lib/auth/responses";
import { call } from "@/lib/client/api";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { Button } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { Field } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { SubmitButton } from "@/app/_components/submit-button";
import styles from "./user.module.css";
import { countOf } from "@/lib/client/format";

type Kind = "disable" | "enable" | "end-sessions" | "remove-mfa";

// A datetime-local value is the reader's own clock; the API takes an instant.
const DisableFormSchema = AdminReasonSchema.extend({
  until: z
    .string()
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const at = new Date(value);
      if (Number.isNaN(at.getTime())) {
        context.addIssue({ code: "custom", message: "Give a date and a time, or leave it empty." });
        return z.NEVER;
      }
      if (at.getTime() <= Date.now()) {
        context.addIssue({ code: "custom", message: "The end must be in the future." });
        return z.NEVER;
      }
      return at.toISOString();
    }),
});

type UserActionsProps = {
  user: AdminUser;
  isSelf: boolean;
  onStart: () => void;
  /** What was done, in words, and the user as it is now (when the answer says). */
  onDone: (message: string, user: AdminUser | null) => void;
};

export function UserActions({ user, isSelf, onStart, onDone }: UserActionsProps) {
  const [open, setOpen] = useState<Kind | null>(null);
  const [busy, setBusy] = useState(false);
  const start = (kind: Kind) => {
    onStart();
    setOpen(kind);
  };
  const finish = (message: string, changed: AdminUser | null) => {
    setOpen(null);
    onDone(message, changed);
  };
  const copy = open ? describeAction(open, user) : null;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <p className="muted">Each asks for a reason: it is kept in the audit trail and emailed to {user.email}.</p>
      <div className={styles.actions}>
        {user.disabled ? (
          <Button variant="primary" onClick={() => start("enable")}>
            Enable…
          </Button>
        ) : isSelf ? null : (
          <Button variant="danger" onClick={() => start("disable")}>
            Disable…
          </Button>
        )}
        <Button onClick={() => start("end-sessions")}>Sign out everywhere…</Button>
        {user.mfa ? <Button onClick={() => start("remove-mfa")}>Remove two-step sign-in…</Button> : null}
      </div>
      {isSelf && !user.disabled ? <p className="muted">You can&apos;t disable your own account.</p> : null}
      <ConfirmDialog
        open={open !== null}
        title={copy?.title ?? ""}
        description={copy?.says ?? null}
        onCancel={() => {
          if (!busy) setOpen(null);
        }}
      >
        {open ? <ActionForm key={open} kind={open} user={user} onBusy={setBusy} onCancel={() => setOpen(null)} onDone={finish} /> : null}
      </ConfirmDialog>
    </section>
  );
}

function describeAction(kind: Kind, user: AdminUser) {
  const who = user.email;
  const sessions = countOf(user.activeSessions, "device");
  switch (kind) {
    case "disable":
      return {
        title: `Disable ${who}?`,
        says: (
          <>
            <p>
              They are signed out at once on every device ({sessions} now) and can&apos;t sign in until the end you set or, with no end,
              until an administrator enables the account again. They are emailed your reason; their items stay.
            </p>
          </>
        ),
      };
    case "enable":
      return {
        title: `Enable ${who}?`,
        says: <p>{who} can sign in again. The sessions the disable ended stay ended. They are emailed your reason.</p>,
      };
    case "end-sessions":
      return {
        title: `Sign ${who} out everywhere?`,
        says: <p>Every session of {who} ends now ({sessions}); they have to sign in again with their password. They are emailed your reason.</p>,
      };
    case "remove-mfa":
      return {
        title: `Remove two-step sign-in from ${who}?`,
        says: (
          <p>
            {who}&apos;s authenticator app and recovery codes are removed: they sign in with their password alone until they turn two-step
            sign-in on again. Their passkeys stay. They are emailed your reason.
          </p>
        ),
      };
  }
}

const CONFIRM: Record<Kind, { label: string; busy: string; variant: "primary" | "danger" }> = {
  disable: { label: "Disable the account", busy: "Disabling…", variant: "danger" },
  enable: { label: "Enable the account", busy: "Enabling…", variant: "primary" },
  "end-sessions": { label: "Sign out everywhere", busy: "Signing out…", variant: "danger" },
  "remove-mfa": { label: "Remove two-step sign-in", busy: "Removing…", variant: "danger" },
};

type ActionFormProps = {
  kind: Kind;
  user: AdminUser;
  onBusy: (busy: boolean) => void;
  onCancel: () => void;
  onDone: (message: string, user: AdminUser | null) => void;
};

function ActionForm({ kind, user, onBusy, onCancel, onDone }: ActionFormProps) {
  const params = { id: user.id };
  const form = useFormSubmit({
    schema: DisableFormSchema,
    send: async ({ reason, until }) => {
      onBusy(true);
      try {
        return await act(kind, params, reason, until);
      } finally {
        onBusy(false);
      }
    },
    onSuccess: (changed) => onDone(resultWords(kind, user, changed), changed),
  });
  const confirm = CONFIRM[kind];
  return (
    <Form form={form} failure="That didn't happen" alertsInside className={styles.dialogForm}>
      <Field label="Reason" name="reason" multiline maxLength={500} error={form.errors.reason} hint="Emailed to the user and kept in the audit trail." />
      {kind === "disable" ? (
        <Field
          label="Disabled until"
          name="until"
          type="datetime-local"
          optional
          error={form.errors.until}
          hint="Your own time zone. Leave it empty to keep the account disabled until someone enables it."
        />
      ) : null}
      <div className={styles.actions}>
        <SubmitButton busy={form.busy} busyLabel={confirm.busy} variant={confirm.variant}>
          {confirm.label}
        </SubmitButton>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}

/** The write, and the user as it is afterwards (a 204 is followed by a read). */
async function act(kind: Kind, params: { id: string }, reason: string, until: string | undefined): Promise<AdminUser> {
  switch (kind) {
    case "disable":
      return (await call(admin.disableUser, { params, body: { reason, ...(until ? { until } : {}) } })).user;
    case "enable":
      return (await call(admin.enableUser, { params, body: { reason } })).user;
    case "end-sessions":
      await call(admin.endUserSessions, { params, body: { reason } });
      return (await call(admin.getUser, { params })).user;
    case "remove-mfa":
      await call(admin.removeUserMfa, { params, body: { reason } });
      return (await call(admin.getUser, { params })).user;
  }
}

function resultWords(kind: Kind, before: AdminUser, after: AdminUser): string {
  const who = before.email;
  switch (kind) {
    case "disable":
      return `Disabled ${who}: every session ended, and they were emailed your reason.`;
    case "enable":
      return `Enabled ${who}: they can sign in again, and they were emailed your reason.`;
    case "end-sessions":
      return `Signed ${who} out everywhere (${countOf(before.activeSessions, "session")} ended); they were emailed your reason.`;
    case "remove-mfa":
      return after.mfa ? `Two-step sign-in of ${who} is still on.` : `Removed two-step sign-in from ${who}; they were emailed your reason.`;
  }
}
