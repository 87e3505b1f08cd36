import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPageCaller } from "@/lib/auth/accounts/page-caller";
import { safeNextPath } from "@/lib/http/safe-next";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Create your account" };

type SignupPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignupPage({ searchParams }: SignupPageProps) {
  const next = safeNextPath((await searchParams).next);
  if (await getPageCaller()) redirect(next);
  return <SignupForm next={next} />;
}
