import type { Metadata } from "next";
import { operator } from "@/lib/mail/templates";
import { RevertEmail } from "./revert-email";

export const metadata: Metadata = { title: "Put your email address back" };

// Rendered per request: who to write to is the server's SECURITY_CONTACT, not the build's.
export const dynamic = "force-dynamic";

// The token is in the link's fragment, which only the browser sees: the page reads it.
export default function RevertEmailPage() {
  return <RevertEmail contact={operator()} />;
}
