import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPageCaller } from "@/lib/auth/accounts/page-caller";
import { safeNextPath } from "@/lib/http/safe-next";
import { reasonMessage, sessionJustEnded } from "./reasons";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  // Already signed in (a live access cookie): nothing to do here.
  if (await getPageCaller()) redirect(next);
  return <LoginForm next={next} notice={reasonMessage(params.reason)} checkSession={!sessionJustEnded(params.reason)} />;
}
