import type { Metadata } from "next";
import Link from "next/link";
import { getPageCaller } from "@/lib/auth/accounts/page-caller";
import { SiteShell } from "@/app/(app)/site-shell";

export const metadata: Metadata = { title: "Page not found" };

// Under the app's header, so a visitor who followed a bad link still sees where they are;
// the way home is their items when signed in, the sign-in page otherwise.
export default async function NotFound() {
  const signedIn = (await getPageCaller()) !== null;
  return (
    <SiteShell className="page">
      <div className="card stack">
        <h1>Page not found</h1>
        <p>There&apos;s nothing at this address. It may have moved, or the link may be mistyped.</p>
        <p>{signedIn ? <Link href="/items">Go to your items</Link> : <Link href="/login">Go to the sign-in page</Link>}</p>
      </div>
    </SiteShell>
  );
}
