// `npm run outbox`: shows the newest mail in the outbox (MAIL_OUTBOX_DIR, default
// .data/outbox), the one a person trying the app locally just triggered, with its links
// as plain text to click or copy. `npm run outbox -- 3` shows the three newest.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const dir = process.env.MAIL_OUTBOX_DIR || ".data/outbox";
const count = Number(process.argv[2] ?? 1);

const files = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(".eml")).sort();
if (files.length === 0) {
  console.log(`No mail in ${dir} yet. Sign up or ask for a password reset, then run this again.`);
  process.exit(0);
}
for (const name of files.slice(-count).reverse()) {
  const mail = await simpleParser(await readFile(path.join(dir, name)));
  console.log(`To:      ${mail.to?.text ?? ""}\nSubject: ${mail.subject ?? ""}\nFile:    ${path.join(dir, name)}\n`);
  console.log(`${(mail.text ?? "").trim()}\n`);
}
