"use client";
// A page that failed while rendering on the server (the database away, a bug): say so
// plainly and offer a retry, instead of a blank screen.
import { Button } from "@/app/_components/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page">
      <div className="card stack" role="alert">
        <h1>Something went wrong</h1>
        <p>This page couldn&apos;t be shown just now. It&apos;s probably brief; please try again.</p>
        <p>
          <Button variant="primary" onClick={reset}>
            Try again
          </Button>
        </p>
      </div>
    </main>
  );
}
