"use client";
// The way on from a dead confirmation link. Signed in: a new mail, at once. Signed out:
// the account page, after signing in, where the banner offers one.
import Link from "next/link";
import { useResendVerification } from "@/app/_components/use-resend-verification";

export function NewVerificationLink({ signedIn }: { signedIn: boolean }) {
  const resend = useResendVerification();
  if (!signedIn) {
    return (
      <>
        <p className="muted">Sign in, and your account page offers a new link.</p>
        <p>
          <Link href="/login?next=%2Faccount" className="button button-primary">
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
        <button type="button" className="button button-primary" onClick={() => void resend.resend()} aria-disabled={resend.status === "sending" || undefined}>
          {resend.status === "sending" ? "Sending…" : "Send a new link"}
        </button>
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
