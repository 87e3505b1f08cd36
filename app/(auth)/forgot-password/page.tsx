import type { Metadata } from "next";
import { env } from "@/lib/env";
import { duration } from "@/lib/mail/templates";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot your password?" };

// Rendered per request: the link's lifetime is the server's setting, not the build's.
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return <ForgotForm validFor={duration(env.PASSWORD_RESET_TTL)} />;
}
