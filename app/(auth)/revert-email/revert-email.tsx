"use client";
// The link an email change mails to the old address (README: Account recovery and email).
// Opening it changes nothing: the page says what will happen, and a button does it
// (docs/decisions/0027). No session is needed: the owner may have none left.
import Link from "next/link";
import { useState } from "react";
import { auth, recovery } from "@/lib/api/endpoints";
import { ApiError, call } from "@/lib/client/api";
import { describeError } from "@/lib/client/describe-error";
import { Button, buttonClass } from "@/app/_components/button";
import { LinkCard, LinkProblem, LinkReading } from "../link-problem";
import { useLinkToken } from "../use-link-token";

type Stage = "prompt" | "busy" | "done" | "dead";

/** `contact`: SECURITY_CONTACT in words, or "the app's operator". */
export function RevertEmail({ contact }: { contact: string }) {
  const token = useLinkToken();
  // A new link starts afresh (a dead link's message does not carry over).
  return <RevertWith key={token ?? ""} token={token} contact={contact} />;
}

function RevertWith({ token, contact }: { token: string | null | undefined; contact: string }) {
  const [stage, setStage] = useState<Stage>("prompt");
  const [failure, setFailure] = useState("");
  if (token === undefined) return <LinkReading />;
  if (token === null) {
    return (
      <LinkProblem title="This link is incomplete">
        <p>
          This page needs the whole link from the mail that said your email address was changed, and this one has no
          code in it. Open the link from the mail again, or copy all of it into the address bar.
        </p>
      </LinkProblem>
    );
  }
  if (stage === "dead") {
    return (
      <LinkProblem title="This link no longer works">
        <p>It has expired or was used already: it works once, for 7 days after the change.</p>
        <p>If someone else still controls your account, write to {contact}.</p>
        <p>
          <Link href="/login" className={buttonClass({ variant: "primary" })}>
            Go to sign in
          </Link>
        </p>
      </LinkProblem>
    );
  }
  if (stage === "done") {
    return (
      <LinkCard title="Check your email">
        <p>
          Your email address is back, and every device was signed out, this one included. Two-step sign-in methods and
          passkeys added since the change were removed.
        </p>
        <p>
          We sent a link to choose a new password to that address: your old password no longer works. Open the link,
          choose a new password, then sign in.
        </p>
        <p className="muted">If it does not arrive, or you need help, write to {contact}.</p>
      </LinkCard>
    );
  }

  async function revert() {
    if (stage === "busy" || !token) return;
    setStage("busy");
    setFailure("");
    try {
      await call(recovery.revertEmail, { body: { token } });
      // This browser's session ended with every other: clear its cookies too.
      await call(auth.logOut).catch(() => undefined);
      setStage("done");
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid_revert_token") return setStage("dead");
      setFailure(describeError(error));
      setStage("prompt");
    }
  }

  return (
    <LinkCard focusHeading={false} title="Put your email address back">
      <p>Your account&apos;s email address was changed. If you did not do it, undo the change now:</p>
      <ul>
        <li>the address this link came to becomes the account&apos;s address again;</li>
        <li>every device signed in to the account is signed out, this one included;</li>
        <li>two-step sign-in methods and passkeys added since the change are removed;</li>
        <li>the password stops working, and a link to choose a new one is mailed to this address.</li>
      </ul>
      <p>
        <Button variant="primary" full busy={stage === "busy"} onClick={() => void revert()}>
          {stage === "busy" ? "Putting your address back…" : "Put my address back"}
        </Button>
      </p>
      <p role="alert" className={failure ? "field-error" : undefined}>
        {failure ? `Couldn't put your address back: ${failure}` : ""}
      </p>
    </LinkCard>
  );
}
