// A real SMTP server inside the test process (smtp-server), which the app reaches through
// its own transport with SMTP_URL pointing here; every mail it receives is parsed with
// mailparser. Imports nothing of the app, so a test file can start it before lib/env is read.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; subject: string; text: string; html: string; parsed: ParsedMail };

export type MailCatcher = {
  url: string;
  received: ReceivedMail[];
  /** The next mail to `to` not yet taken, waiting up to `timeout` ms for it to arrive. */
  next(to: string, timeout?: number): Promise<ReceivedMail>;
  /** No mail to `to` arrived within `wait` ms, and none is waiting. */
  expectNone(to: string, wait?: number): Promise<void>;
  close(): Promise<void>;
};

export async function startMailCatcher(): Promise<MailCatcher> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: STARTTLS would need a certificate, and is the transport's business.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
          received.push({ to, subject: parsed.subject ?? "", text: parsed.text ?? "", html: String(parsed.html || ""), parsed });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  const waiting = (to: string) => received.find((m) => m.to === to && !taken.has(m));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async next(to, timeout = 5_000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const mail = waiting(to);
        if (mail) {
          taken.add(mail);
          return mail;
        }
        if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeout} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async expectNone(to, wait = 300) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      const mail = waiting(to);
      if (mail) throw new Error(`Expected no mail to ${to}, got "${mail.subject}"`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first app link in a mail's text (`…/reset-password#token=…`). */
export function linkToken(mail: ReceivedMail, page: "/reset-password" | "/verify-email" | "/revert-email"): string {
  const match = new RegExp(`https?://[^\\s]+${page}#token=([\\w%-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`No ${page} link in "${mail.subject}":\n${mail.text}`);
  return decodeURIComponent(match[1]);
}
