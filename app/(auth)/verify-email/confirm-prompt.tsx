"use client";
// What a confirmation link will do, said before anything is done: to which account, and
// how. A button confirms it; opening the link alone changes nothing (docs/decisions/0027).
// The account and any email change it waits for come with the page (page.tsx).
import { Button } from "@/app/_components/button";
import { LinkCard } from "../link-problem";
import { SwitchAccount } from "./other-account";
import { GoToItems } from "./go-to-items";
import styles from "../auth.module.css";

export type VerifyAccount = { email: string; emailVerified: boolean; pendingEmail: string | null };

type ConfirmPromptProps = { account: VerifyAccount; busy: boolean; onConfirm: () => void };

const Address = ({ children }: { children: string }) => <strong className={styles.address}>{children}</strong>;

export function ConfirmPrompt({ account: { email, emailVerified, pendingEmail }, busy, onConfirm }: ConfirmPromptProps) {
  const button = (label: string) => (
    <p>
      <Button variant="primary" full onClick={onConfirm} busy={busy}>
        {busy ? "Confirming…" : label}
      </Button>
    </p>
  );
  if (pendingEmail && emailVerified) {
    // A verified account has no live verification link: this one can only be the change.
    return (
      <LinkCard focusHeading={false} title="Change your email address">
        <p>
          Change this account&apos;s email from <Address>{email}</Address> to <Address>{pendingEmail}</Address>.
        </p>
        <p className="muted">Your password stays the same; from then on you sign in with the new address.</p>
        {button("Change my email")}
      </LinkCard>
    );
  }
  if (pendingEmail) {
    return (
      <LinkCard focusHeading={false} title="Confirm your email address">
        <p>
          You&apos;re signed in as <Address>{email}</Address>. If this link came to that address, it confirms that you read
          mail there. If it came to <Address>{pendingEmail}</Address>, it changes this account&apos;s email to that one.
        </p>
        {button("Confirm")}
      </LinkCard>
    );
  }
  if (!emailVerified) {
    return (
      <LinkCard focusHeading={false} title="Confirm your email address">
        <p>
          Confirm that you read mail at this address, for the account you&apos;re signed in as: <Address>{email}</Address>.
        </p>
        {button("Confirm my email address")}
      </LinkCard>
    );
  }
  return <AlreadyConfirmed email={email} />;
}

/**
 * Nothing is waiting: the link was used already, or it belongs to another account. Its
 * heading takes focus when it replaces the prompt (`focusHeading`), not when the page opens with it.
 */
export function AlreadyConfirmed({ email, focusHeading = false }: { email: string; focusHeading?: boolean }) {
  return (
    <LinkCard focusHeading={focusHeading} title="Your email address is confirmed">
      <p>
        <Address>{email}</Address>, the address of the account you&apos;re signed in as, is confirmed already. This link
        has nothing left to do for it.
      </p>
      <GoToItems />
      <p className="muted">If the link came to another address, it belongs to another account: sign out, then sign in to that one.</p>
      <SwitchAccount variant="plain" />
    </LinkCard>
  );
}
