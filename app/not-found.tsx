import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="page">
      <div className="card stack">
        <h1>Page not found</h1>
        <p>There&apos;s nothing at this address. It may have moved, or the link may be mistyped.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </div>
    </main>
  );
}
