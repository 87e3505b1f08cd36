import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPageCaller } from "@/lib/auth/accounts/page-caller";
import { carriesSessionHint } from "@/lib/auth/identity/cookies";
import { describeRequest } from "@/lib/auth/identity/request-context";
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
  // The silent refresh is tried only when the browser holds a refresh cookie, which the
  // HttpOnly session hint beside it says (the refresh cookie itself goes only to /api/auth):
  // a signed-out visitor sends no refresh that can only be refused.
  const request = { headers: await headers() };
  const hinted = carriesSessionHint(request, describeRequest(request).cookieNames);
  return <LoginForm next={next} notice={reasonMessage(params.reason)} checkSession={hinted && !sessionJustEnded(params.reason)} />;
}
