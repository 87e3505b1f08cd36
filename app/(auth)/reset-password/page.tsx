import type { Metadata } from "next";
import { ResetForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password" };

// The token is in the link's fragment, which only the browser sees: the form reads it.
export default function ResetPasswordPage() {
  return <ResetForm />;
}
