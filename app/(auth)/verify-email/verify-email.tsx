"use client";
// Confirms an address with the token of a mailed link: the account's own address after
// signup, or a new one (an email change). Posted as soon as the page has read it; a mail
// scanner that fetches the link runs no script, so it never uses the link up.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "@/lib/api-client";
import { describeError } from "@/lib/ui/describe-error";
import { LinkProblem, LinkReading } from "../link-problem";
import { useLinkToken } from "../use-link-token";
import { NewVerificationLink } from "./new-verification-link";
import { Button, buttonClass } from "@/app/_components/button";
import styles from "../auth.module.css";
import type * as recovery from "@/lib/api/operations/recovery";
import type { ReplyOf } from "@/lib/api/operation";

type Outcome =
  | { kind: "checking" }
  | { kind: "confirmed"; email: string }
  | { kind: "dead" }
  | { kind: "taken" }
  | { kind: "failed"; error: unknown };

type VerifyEmailProps = { signedIn: boolean; /** How long a confirmation link works, in words. */ validFor: string };

export function VerifyEmail(props: VerifyEmailProps) {
  const token = useLinkToken();
  // A new link (opened while the page is open) is confirmed afresh.
  return <VerifyWith key={token ?? ""} token={token} {...props} />;
}

function VerifyWith({ token, signedIn, validFor }: VerifyEmailProps & { token: string | null | undefined }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: "checking" });
  // A token works once: Strict Mode's second effect run must not post it again.
  const posted = useRef(false);

  const confirm = useCallback(async (value: string) => {
    setOutcome({ kind: "checking" });
    try {
      const { user } = await api<ReplyOf<typeof recovery.verifyEmail>>("/api/auth/email/verify", { method: "POST", body: { token: value }, refresh: false });
      setOutcome({ kind: "confirmed", email: user.email });
    } catch (error) {
      setOutcome(outcomeOf(error));
    }
  }, []);

  useEffect(() => {
    if (typeof token !== "string" || posted.current) return;
    posted.current = true;
    void confirm(token);
  }, [token, confirm]);

  if (token === null) {
    return (
      <LinkProblem title="This link is incomplete">
        <p>This page needs the whole link from the mail, and this one has no code in it. Open the link from the mail again.</p>
        <NewVerificationLink signedIn={signedIn} />
      </LinkProblem>
    );
  }
  if (token === undefined || outcome.kind === "checking") return <LinkReading message="Confirming your email address…" />;
  if (outcome.kind === "confirmed") return <Confirmed email={outcome.email} />;
  if (outcome.kind === "dead") {
    return (
      <LinkProblem title="This link no longer works">
        <p>It has expired or was used already: a confirmation link works once, for {validFor}, and only the newest one works.</p>
        <NewVerificationLink signedIn={signedIn} />
      </LinkProblem>
    );
  }
  if (outcome.kind === "taken") {
    return (
      <LinkProblem title="That address is taken now">
        <p>
          Another account started using that address after you asked to change to it, so your email address stays as
          it was. You can choose another one on your account page.
        </p>
        <p>
          <Link href="/account" className={buttonClass({ variant: "primary" })}>
            Go to your account
          </Link>
        </p>
      </LinkProblem>
    );
  }
  return (
    <LinkProblem title="Couldn't confirm your address">
      <p>{describeError(outcome.error)}</p>
      <p>
        <Button variant="primary" onClick={() => void confirm(token)}>
          Try again
        </Button>
      </p>
    </LinkProblem>
  );
}

function outcomeOf(error: unknown): Outcome {
  if (error instanceof ApiError && error.code === "invalid_verification_token") return { kind: "dead" };
  if (error instanceof ApiError && error.code === "email_taken") return { kind: "taken" };
  return { kind: "failed", error };
}

function Confirmed({ email }: { email: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className={`card ${styles.card}`}>
      <div className={styles.intro}>
        <h1 ref={headingRef} tabIndex={-1}>
          Your email address is confirmed
        </h1>
        <p>
          <strong className={styles.address}>{email}</strong> is your account&apos;s address now. If you ever forget your
          password, the link to reset it goes there.
        </p>
      </div>
      <p>
        <Link href="/items" className={buttonClass({ variant: "primary" })}>
          Go to your items
        </Link>
      </p>
    </div>
  );
}
