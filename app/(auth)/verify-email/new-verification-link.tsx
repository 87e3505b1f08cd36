"use client";
// The way on from a dead confirmation link. Signed in: a new mail, at once. Signed out:
// the account page, after signing in, where the banner offers one.
import Link from "next/link";
import { useResendVerification } from "@/lib/client/hooks/use-resend-verification";
import { Button, buttonClass } from "@/app/_components/button";

export function NewVerificationLink({ signedIn }: { signedIn: boolean }) {
  const resend = useResendVerification();
  if (!signedIn) {
    return (
      <>
        <p className="muted">Sign in, and your account page offers a new link.</p>
        <p>
          <Link href="/login?next=%2Faccount" className={buttonClass({ variant: "primary" })}>
            Sign in
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="muted">Were you changing your address? Then ask for the change again on your account page.</p>
      <p>
        <Button variant="primary" onClick={() => void resend.resend()} aria-disabled={resend.status === "sending" || undefined}>
          {resend.status === "sending" ? "Sending…" : "Send a new link"}
        </Button>
      </p>
      <p role="status" aria-live="polite" className={resend.status === "failed" ? "field-error" : undefined}>
        {resend.message}
        {resend.status === "confirmed" ? (
          <>
            {" "}
            <Link href="/items">Go to your items</Link>
          </>
        ) : null}
      </p>
    </>
  );
}
