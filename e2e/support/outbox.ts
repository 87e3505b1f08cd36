// The mails an e2e server without SMTP_URL writes as .eml files to its MAIL_OUTBOX_DIR,
// read back as the user's mail program would: parsed with mailparser. Every server of
// playwright.config.ts has its own outbox, named by its port and wiped with its data.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { ReceivedMail } from "../../tests/helpers/smtp";

/** The outbox of the e2e server on `port` (playwright.config.ts sets each server's). */
export const outboxDir = (port: number | string) => `.data/e2e-${port}-outbox`;

// Files already handed to a test, so that each mail is read once.
const taken = new Set<string>();

/**
 * The oldest mail to `to` in the outbox of the server at `baseURL` that no call took yet,
 * waiting up to `timeout` ms: the app writes its mail after answering the request.
 */
export async function nextOutboxMail(baseURL: string | undefined, to: string, timeout = 10_000): Promise<ReceivedMail> {
  const dir = outboxDir(new URL(baseURL ?? "http://localhost").port);
  const deadline = Date.now() + timeout;
  for (;;) {
    // File names start with the time of writing: sorted, the oldest comes first.
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".eml")).sort();
    for (const file of files) {
      const full = path.join(dir, file);
      if (taken.has(full)) continue;
      const parsed = await simpleParser(await readFile(full));
      const recipients = [parsed.to].flat().flatMap((address) => address?.value.map((v) => v.address) ?? []);
      if (!recipients.includes(to)) continue;
      taken.add(full);
      return { to, subject: parsed.subject ?? "", text: parsed.text ?? "", html: String(parsed.html || ""), parsed };
    }
    if (Date.now() > deadline) throw new Error(`No mail to ${to} in ${dir} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
