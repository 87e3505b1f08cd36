// The app's link in a mail (`http://…/reset-password#token=…`), whole, as a person would
// click it: the tests open it as it is, so they also check where APP_ORIGIN points it.
import type { ReceivedMail } from "../../tests/helpers/smtp";

export function mailedLink(mail: ReceivedMail, page: "/reset-password" | "/verify-email"): string {
  const match = new RegExp(`https?://\\S+${page}#token=[\\w%-]+`).exec(mail.text);
  if (!match) throw new Error(`No ${page} link in "${mail.subject}":\n${mail.text}`);
  return match[0];
}
