"use client";
// A quiet reminder on the signed-in pages while the account's address is unconfirmed
// (unverified accounts keep working; the pages only ask). "Resend" mails a new link; its
// outcome is read out from a live region that stays in the page, also once the banner
// goes away because the address turned out to be confirmed already.
import { useRef } from "react";
import { useResendVerification } from "@/lib/client/hooks/use-resend-verification";
import { Button } from "@/app/_components/button";
import styles from "./verify-banner.module.css";

export function VerifyBanner({ email }: { email: string }) {
  const resend = useResendVerification();
  const bannerRef = useRef<HTMLElement>(null);
  const confirmed = resend.status === "confirmed";

  async function handleResend() {
    const hadFocus = bannerRef.current?.contains(document.activeElement) ?? false;
    await resend.resend();
    // If the banner went away under the keyboard's focus, carry on from the page's content.
    if (hadFocus && !bannerRef.current) document.getElementById("main")?.focus();
  }

  return (
    <>
      {confirmed ? null : (
        <section ref={bannerRef} className={styles.banner} aria-label="Email confirmation">
          <p className={styles.text}>
            Confirm your email address: we sent a link to <strong className={styles.email}>{email}</strong>.
          </p>
          <Button small onClick={() => void handleResend()} aria-disabled={resend.status === "sending" || undefined}>
            {resend.status === "sending" ? "Sending…" : "Resend"}
          </Button>
        </section>
      )}
      <p className={confirmed ? "visually-hidden" : styles.result} role="status" aria-live="polite">
        {resend.message}
      </p>
    </>
  );
}
