"use client";
// Asks for a new verification mail (POST /api/auth/email/verify/resend), for the banner
// of the signed-in pages and for /verify-email's dead link. The outcome is words for a
// live region; `confirmed` means there is nothing to resend: the address is verified.
import { useState } from "react";
import { recovery } from "@/lib/api/endpoints";
import { ApiError, call } from "@/lib/client/api";
import { describeError } from "@/lib/client/describe-error";
import { describeWait } from "@/lib/wait-words";

export type ResendState =
  | { status: "idle" | "sending"; message: string }
  | { status: "sent" | "failed" | "confirmed"; message: string };

export function useResendVerification() {
  const [state, setState] = useState<ResendState>({ status: "idle", message: "" });

  async function resend() {
    if (state.status === "sending") return;
    setState({ status: "sending", message: "" });
    try {
      await call(recovery.resendVerification);
      setState({ status: "sent", message: "Sent. The new link is on its way; the one before it no longer works." });
    } catch (error) {
      setState(describeResendFailure(error));
    }
  }

  return { ...state, resend };
}

function describeResendFailure(error: unknown): ResendState {
  if (error instanceof ApiError && error.code === "email_already_verified") {
    return { status: "confirmed", message: "Your email address is confirmed already." };
  }
  // The limit counts mails, not attempts: "too many attempts" would sound like a wrong password.
  if (error instanceof ApiError && error.code === "rate_limited") {
    const wait = error.retryAfter === null ? "a few minutes" : describeWait(error.retryAfter);
    return { status: "failed", message: `We've sent several links already. You can ask for another in ${wait}.` };
  }
  return { status: "failed", message: describeError(error) };
}
