"use client";
// A page that failed while rendering on the server (the database away, a bug): say so
// plainly and offer a retry, instead of a blank screen.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page">
      <div className="card stack" role="alert">
        <h1>Something went wrong</h1>
        <p>This page couldn&apos;t be shown just now. It&apos;s probably brief; please try again.</p>
        <p>
          <button type="button" className="button button-primary" onClick={reset}>
            Try again
          </button>
        </p>
      </div>
    </main>
  );
}
