"use client";
// The account's facts, and the one of them the owner edits here: the display name
// (PATCH /api/auth/me). The email and the password have forms of their own.
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { auth } from "@/lib/api/endpoints";
import type { User } from "@/lib/auth/responses";
import { ProfileUpdateSchema } from "@/lib/auth/schemas";
import { call } from "@/lib/client/api";
import { Field } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { LoadError } from "@/app/_components/load-error";
import { LocalTime } from "@/app/_components/local-time";
import { useStatus } from "@/app/_components/status-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
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
      <NameForm name={initial.name} onSaved={(saved) => me.update(() => saved)} />
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

/** What the status message says after a save: the name as stored (trimmed), or that it is cleared. */
const savedNotice = (name: string | null) => (name ? `Saved. Your name is now “${name}”.` : "Saved. Your name is cleared.");

function NameForm({ name, onSaved }: { name: string | null; onSaved: (user: User) => void }) {
  const router = useRouter();
  const status = useStatus();
  const form = useFormSubmit({
    schema: ProfileUpdateSchema,
    send: (input) => call(auth.updateMe, { body: input }),
    onSuccess: ({ user }, element) => {
      // The field shows what was stored: trimmed, or empty once cleared.
      const input = element.elements.namedItem("name");
      if (input instanceof HTMLInputElement) input.value = user.name ?? "";
      status.show(savedNotice(user.name));
      onSaved(user);
      // The site header, rendered by the server, shows the name too.
      router.refresh();
    },
  });
  return (
    <Form form={form} failure="Couldn't save your name" className={styles.form}>
      <Field
        label="Display name"
        name="name"
        defaultValue={name ?? ""}
        autoComplete="name"
        maxLength={100}
        optional
        hint="Shown in the header instead of your email. At most 100 characters; leave it empty to remove it."
        error={form.errors.name}
      />
      <div>
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Save name
        </SubmitButton>
      </div>
    </Form>
  );
}
