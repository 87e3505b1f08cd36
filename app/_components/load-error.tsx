"use client";
// A list or panel that failed to load: what happened, in words, and a way to retry.
import { describeError } from "@/lib/client/describe-error";
import { Button } from "@/app/_components/button";

type LoadErrorProps = { what: string; error: unknown; onRetry: () => void };

export function LoadError({ what, error, onRetry }: LoadErrorProps) {
  return (
    <div className="alert" role="alert">
      <p className="alert-title">Couldn&apos;t load {what}</p>
      <p>{describeError(error)}</p>
      <p>
        <Button small onClick={onRetry}>
          Try again
        </Button>
      </p>
    </div>
  );
}
