"use client";
// A polite live region for news that is not an error ("Added “Tea”.", "3 items").
// It is always in the page, so changes to its text are announced.
export function Announcer({ message }: { message: string }) {
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
