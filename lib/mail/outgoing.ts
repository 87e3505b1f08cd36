// Mail leaves in the background: the request that caused it is answered first, and a mail
// that cannot be handed over is tried again a few times, then logged as lost. Nothing is
// kept in the database meanwhile, since a queued mail holds a live link (decision 0017).
import "server-only";
import { inBackground } from "@/lib/background";
import { composeMessage, deliver, type Mail } from "@/lib/mail/transport";

// Before each retry: a restarting mail server, a dropped connection.
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000];

async function deliverWithRetries(mail: Mail): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await deliver(mail);
      return;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      const reason = error instanceof Error ? error.message : String(error);
      if (delay === undefined) {
        console.error(`Mail to ${mail.to} ("${mail.subject}") was not sent after ${attempt + 1} attempts: ${reason}`);
        return;
      }
      console.warn(`Mail to ${mail.to} ("${mail.subject}") failed (${reason}); trying again in ${delay / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Queues a mail and returns at once; it never fails the caller. */
export function sendMail(mail: Mail): void {
  inBackground(`Mail to ${mail.to}`, () => deliverWithRetries(mail));
}

/** Builds a mail as sending would, then drops it: the decoy of a mail that must not go (decision 0027). */
export async function rehearseMail(mail: Mail): Promise<void> {
  await composeMessage(mail);
}
