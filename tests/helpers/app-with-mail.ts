// For test files about mail: a real SMTP server in the test process, and the app pointed
// at it (SMTP_URL) before any app module reads the configuration. Import this first, and
// the app's modules after it, dynamically.
import { afterAll } from "vitest";
import { startMailCatcher } from "./smtp";

export const mailbox = await startMailCatcher();
process.env.SMTP_URL = mailbox.url;
// Where mailed links point; also the origin that the CSRF check expects of browsers.
process.env.APP_ORIGIN = "http://localhost:3000";

afterAll(async () => {
  const { backgroundSettled } = await import("@/lib/background/pending");
  const { closeTransport } = await import("@/lib/mail/transport");
  await backgroundSettled();
  closeTransport();
  await mailbox.close();
});
