// The one way out for mail. With SMTP_URL, a pooled SMTP connection (STARTTLS on smtp://,
// TLS from the first byte on smtps://). Without it, each mail is written as an .eml file to
// MAIL_OUTBOX_DIR, for a person trying the app on their own machine to open, and one line
// says who it is for and what it is about; never the link, which logs must not hold.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html: string };

// On globalThis: the route bundles that send and the server entry that closes the pool on
// shutdown may each load this module.
const globals = globalThis as { __smtp?: Transporter; __outbox?: Transporter };

function smtpTransport(url: string): Transporter {
  return (globals.__smtp ??= nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    // Never hang a retry loop on a server that does not answer.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  }));
}

// Renders the message as the SMTP server would receive it, so the file opens in any mail program.
const fileTransport = () =>
  (globals.__outbox ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }));

const messageOf = (mail: Mail) => ({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });

/**
 * The message as it would go out, built and not sent: what a mail that must not be sent
 * still costs (a forgot-password request for an unknown address, decision 0027).
 */
export async function composeMessage(mail: Mail): Promise<Buffer> {
  const { message } = (await fileTransport().sendMail(messageOf(mail))) as { message: Buffer };
  return message;
}

/** Sends one mail now; rejects when it could not be handed over. */
export async function deliver(mail: Mail): Promise<void> {
  if (env.SMTP_URL) {
    await smtpTransport(env.SMTP_URL).sendMail(messageOf(mail));
    return;
  }
  const raw = await composeMessage(mail);
  await mkdir(env.MAIL_OUTBOX_DIR, { recursive: true, mode: 0o700 });
  // Sortable by time, so the newest mail is the last file.
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}.eml`;
  const file = path.join(env.MAIL_OUTBOX_DIR, name);
  await writeFile(file, raw, { mode: 0o600 });
  console.log(`Mail to ${mail.to}: "${mail.subject}" (${file})`);
}

/** Closes the SMTP pool, so a stopping server leaves no sockets behind. */
export function closeTransport(): void {
  globals.__smtp?.close();
  delete globals.__smtp;
}
