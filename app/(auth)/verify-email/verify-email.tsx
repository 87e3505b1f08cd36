"use client";
// Confirms an address with the token of a mailed link: the account's own address after
// signup, or a new one (an email change). Nothing is posted until the person signed in to
// the link's account presses the button (docs/decisions/0027): opening a link never
// changes anything by itself, and a mail scanner that fetches it runs no script anyway.
import Link from "next/link";
import { useState } from "react";
import { auth, recovery } from "@/lib/api/endpoints";
import { ApiError, call } from "@/lib/client/api";
import { describeError } from "@/lib/client/describe-error";
import { LinkCard, LinkProblem, LinkReading } from "../link-problem";
import { AlreadyConfirmed, ConfirmPrompt, type VerifyAccount } from "./confirm-prompt";
import { NewVerificationLink } from "./new-verification-link";
import { SignInFirst, WrongAccount } from "./other-account";
import { forgetStoredLinkToken, useStoredLinkToken } from "./stored-link-token";
import { Button, buttonClass } from "@/app/_components/button";
import { GoToItems } from "./go-to-items";
import styles from "../auth.module.css";

type Outcome =
  | { kind: "ready" | "confirming" | "dead" | "taken" | "wrong-account" }
  | { kind: "confirmed"; email: string }
  | { kind: "confirmed-already"; email: string }
  | { kind: "failed"; error: unknown };

type VerifyEmailProps = {
  /** The signed-in account, or null. */
  account: VerifyAccount | null;
  /** How long a confirmation link works, in words. */
  validFor: string;
};

export function VerifyEmail(props: VerifyEmailProps) {
  const token = useStoredLinkToken();
  // A new link (opened while the page is open) starts afresh.
  return <VerifyWith key={token ?? ""} token={token} {...props} />;
}

function VerifyWith({ token, account, validFor }: VerifyEmailProps & { token: string | null | undefined }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: "ready" });

  async function confirm(value: string) {
    if (outcome.kind === "confirming") return;
    setOutcome({ kind: "confirming" });
    try {
      const { user } = await call(recovery.verifyEmail, { body: { token: value } });
      forgetStoredLinkToken();
      setOutcome({ kind: "confirmed", email: user.email });
    } catch (error) {
      let next = outcomeOf(error);
      if (next.kind === "dead" || next.kind === "taken") forgetStoredLinkToken();
      if (next.kind === "dead" && account) next = await confirmedMeanwhile(account, next);
      setOutcome(next);
    }
  }

  if (token === null) {
    return (
      <LinkProblem title="This link is incomplete">
        <p>This page needs the whole link from the mail, and this one has no code in it. Open the link from the mail again.</p>
        <NewVerificationLink signedIn={account !== null} />
      </LinkProblem>
    );
  }
  if (token === undefined) return <LinkReading />;
  if (!account) return <SignInFirst />;
  switch (outcome.kind) {
    case "ready":
    case "confirming":
      return <ConfirmPrompt account={account} busy={outcome.kind === "confirming"} onConfirm={() => void confirm(token)} />;
    case "confirmed":
      return <Confirmed email={outcome.email} />;
    case "confirmed-already":
      return <AlreadyConfirmed email={outcome.email} focusHeading />;
    case "wrong-account":
      return <WrongAccount email={account.email} />;
    case "dead":
      return (
        <LinkProblem title="This link no longer works">
          <p>It has expired or was used already: a confirmation link works once, for {validFor}, and only the newest one works.</p>
          <NewVerificationLink signedIn />
        </LinkProblem>
      );
    case "taken":
      return <AddressTaken />;
    case "failed":
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
}

function outcomeOf(error: unknown): Outcome {
  if (error instanceof ApiError && error.code === "invalid_verification_token") return { kind: "dead" };
  if (error instanceof ApiError && error.code === "wrong_account") return { kind: "wrong-account" };
  if (error instanceof ApiError && error.code === "email_taken") return { kind: "taken" };
  return { kind: "failed", error };
}

/**
 * A used link, when what it was for has been done meanwhile (the link followed in another
 * browser or tab since this page opened): the account, as the session sees it now, says
 * the address is confirmed, and that is what the person needs to hear, not "no longer
 * works". With an email change waiting when the page opened, only once the account has
 * the new address.
 */
async function confirmedMeanwhile(account: VerifyAccount, dead: Outcome): Promise<Outcome> {
  try {
    const { user } = await call(auth.getMe);
    const done = user.emailVerified && (account.pendingEmail === null || user.email === account.pendingEmail);
    return done ? { kind: "confirmed-already", email: user.email } : dead;
  } catch {
    return dead;
  }
}

function AddressTaken() {
  return (
    <LinkProblem title="That address is taken now">
      <p>
        Another account started using that address after you asked to change to it, so your email address stays as it
        was. You can choose another one on your account page.
      </p>
      <p>
        <Link href="/account" className={buttonClass({ variant: "primary" })}>
          Go to your account
        </Link>
      </p>
    </LinkProblem>
  );
}

function Confirmed({ email }: { email: string }) {
  return (
    <LinkCard title="Your email address is confirmed">
      <p>
        <strong className={styles.address}>{email}</strong> is your account&apos;s address now. If you ever forget your
        password, the link to reset it goes there.
      </p>
      <GoToItems />
    </LinkCard>
  );
}
