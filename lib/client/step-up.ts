// Step-up in the browser: a sensitive action (a password or email change, deleting the
// account, TOTP setup or removal, new recovery codes) may answer 401 `step_up_required`
// when the session's last proof is old, or when the account has TOTP and the session has
// not passed it. lib/client/api.ts then asks the one handler the signed-in pages register
// (the dialog in app/_components/step-up-dialog.tsx) to have the person prove it again,
// and sends the same request once more: the form that made it is still waiting on its
// promise, so nothing it holds is lost.

/** What the challenge asks for: a second factor when it says acr_values="aal2" (RFC 9470 §3). */
export type StepUpChallenge = { secondFactor: boolean };

/** Resolves true once the session has proved itself again, false when the person gave up. */
export type StepUpHandler = (challenge: StepUpChallenge) => Promise<boolean>;

let handler: StepUpHandler | null = null;
// One dialog for every request that met the challenge at once: they all wait on it.
let inflight: Promise<boolean> | null = null;

/** Registers the page's dialog; returns the function that removes it again. */
export function setStepUpHandler(next: StepUpHandler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = null;
  };
}

/** Reads the WWW-Authenticate challenge of a `step_up_required` answer. */
export function readStepUpChallenge(header: string | null): StepUpChallenge {
  return { secondFactor: /acr_values="?[^",]*\baal2\b/.test(header ?? "") };
}

/** Asks the person to prove it is them; false when no page can ask (then the 401 stands). */
export function askStepUp(challenge: StepUpChallenge): Promise<boolean> {
  if (!handler) return Promise.resolve(false);
  const ask = handler;
  inflight ??= ask(challenge).finally(() => {
    inflight = null;
  });
  return inflight;
}
