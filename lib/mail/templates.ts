// Every mail the app sends, in one place. Each has a plain-text part and a simple HTML
// part that says the same: the app's name, what happened, what to do, and how long a link
// works. Anything that came from a user or a device (an address, a User-Agent) is escaped
// before it goes into the HTML.
import "server-only";
import { env } from "@/lib/env";
import type { Mail } from "@/lib/mail/transport";

/** The app's name: in every mail, and as the issuer of TOTP setups. */
export const APP_NAME = "JWT Items";

type Content = {
  subject: string;
  /** The first thing said: what happened, or what this mail is for. */
  lead: string;
  /** The one thing to do, when there is one. */
  action?: { label: string; url: string; validFor: string };
  /** Further sentences, each its own paragraph. */
  notes: string[];
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function render(to: string, content: Content): Mail {
  const { subject, lead, action, notes } = content;
  const text = [
    lead,
    ...(action ? [`${action.label}:\n${action.url}`, `This link works for ${action.validFor}, once.`] : []),
    ...notes,
    `— ${APP_NAME}`,
  ].join("\n\n");
  const paragraph = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const button = action
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>` +
      paragraph(`This link works for ${action.validFor}, once. If the button does not work, copy this address into your browser:`) +
      `<p style="margin:0 0 16px;word-break:break-all"><a href="${escapeHtml(action.url)}" style="color:#1d4ed8">${escapeHtml(action.url)}</a></p>`
    : "";
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#18181b">
<main style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px">
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(APP_NAME)}</h1>
${paragraph(lead)}${button}${notes.map(paragraph).join("")}
</main>
</body>
</html>
`;
  return { to, subject: `${subject} · ${APP_NAME}`, text, html };
}

/** "30 minutes", "24 hours": how long a link lives, in words. */
export function duration(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds % 86_400 === 0 && seconds >= 86_400 * 2) return plural(seconds / 86_400, "day");
  if (seconds % 3600 === 0) return plural(seconds / 3600, "hour");
  if (seconds >= 60) return plural(Math.round(seconds / 60), "minute");
  return plural(seconds, "second");
}

const when = (at: Date) => `${at.toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** Who to write to about an account taken over: SECURITY_CONTACT when it is set (the revert page says it too). */
export const operator = () =>
  env.SECURITY_CONTACT.length > 0 ? env.SECURITY_CONTACT.map((uri) => uri.replace(/^mailto:/, "")).join(" or ") : "the app's operator";

/** For what an admin did: the owner did not ask for it, so say where to ask why. */
const NOT_YOU_ADMIN = () => `If you did not expect this, write to ${operator()}.`;

const NOT_YOU =
  "If this was not you, reset your password from the sign-in page at once, and sign out every device from your account page.";

export const mails = {
  verifyEmail: (to: string, url: string, ttl: number) =>
    render(to, {
      subject: "Confirm your email address",
      lead: `Welcome to ${APP_NAME}. Confirm that ${to} is your address, so you can recover your account if you ever forget your password.`,
      action: { label: "Confirm my email", url, validFor: duration(ttl) },
      notes: ["If you did not sign up, ignore this mail: nothing happens without the link."],
    }),

  confirmEmailChange: (to: string, url: string, ttl: number) =>
    render(to, {
      subject: "Confirm your new email address",
      lead: `Someone asked to use ${to} as the email address of a ${APP_NAME} account. Confirm it to make the change.`,
      action: { label: "Confirm my new email", url, validFor: duration(ttl) },
      notes: ["If you did not ask for this, ignore this mail: the account keeps its current address."],
    }),

  resetPassword: (to: string, url: string, ttl: number) =>
    render(to, {
      subject: "Reset your password",
      lead: `Someone asked to reset the password of the ${APP_NAME} account for ${to}. Choose a new password with this link.`,
      action: { label: "Choose a new password", url, validFor: duration(ttl) },
      notes: [
        "Resetting signs you out on every device.",
        "If you did not ask for this, ignore this mail: your password stays as it is.",
      ],
    }),

  passwordChanged: (to: string, at: Date) =>
    render(to, {
      subject: "Your password was changed",
      lead: `The password of your ${APP_NAME} account was changed on ${when(at)}. Your other devices were signed out.`,
      notes: [NOT_YOU],
    }),

  passwordReset: (to: string, at: Date) =>
    render(to, {
      subject: "Your password was reset",
      lead: `The password of your ${APP_NAME} account was reset with a link from this address on ${when(at)}. Every device was signed out.`,
      notes: [NOT_YOU],
    }),

  /** To the old address, with the link that undoes the change (README: Account recovery and email). */
  emailChanged: (to: string, newEmail: string, at: Date, revert: { url: string; ttl: number }) =>
    render(to, {
      subject: "Your email address was changed",
      lead: `The email address of your ${APP_NAME} account was changed from ${to} to ${newEmail} on ${when(at)}. Mail about the account now goes there.`,
      action: { label: "This was not me: put my address back", url: revert.url, validFor: duration(revert.ttl) },
      notes: [
        "If this was not you, use the link at once: it puts this address back, signs out every device, removes the two-step sign-in methods and passkeys added since the change, and mails you a link to choose a new password.",
        `If it was you, there is nothing to do. For help, write to ${operator()}.`,
      ],
    }),

  emailReverted: (to: string, url: string, ttl: number) =>
    render(to, {
      subject: "Your email address was put back",
      lead: `The email address of your ${APP_NAME} account is ${to} again. Every device was signed out, and the two-step sign-in methods and passkeys added since the change were removed. The password no longer works: choose a new one with this link.`,
      action: { label: "Choose a new password", url, validFor: duration(ttl) },
      notes: [
        "Once you are signed in, look at your account's sessions, passkeys and two-step sign-in.",
        `If you need help, write to ${operator()}.`,
      ],
    }),

  totpEnabled: (to: string, at: Date) =>
    render(to, {
      subject: "Two-step sign-in is on",
      lead: `Two-step sign-in was turned on for your ${APP_NAME} account on ${when(at)}: signing in now takes your password and a code from your authenticator app. Your other devices were signed out.`,
      notes: ["Keep your recovery codes somewhere safe: each one signs you in once if you lose your authenticator.", NOT_YOU],
    }),

  totpDisabled: (to: string, at: Date) =>
    render(to, {
      subject: "Two-step sign-in is off",
      lead: `Two-step sign-in was turned off for your ${APP_NAME} account on ${when(at)}: your password alone signs you in again, and your recovery codes no longer work.`,
      notes: [NOT_YOU],
    }),

  recoveryCodesRenewed: (to: string, at: Date) =>
    render(to, {
      subject: "New recovery codes were made",
      lead: `A new set of recovery codes was made for your ${APP_NAME} account on ${when(at)}. The codes you had before no longer work.`,
      notes: [NOT_YOU],
    }),

  recoveryCodeUsed: (to: string, left: number, at: Date) =>
    render(to, {
      subject: "A recovery code was used",
      lead: `A recovery code of your ${APP_NAME} account was used on ${when(at)}. ${left === 1 ? "1 code is" : `${left} codes are`} left.`,
      notes: [
        left <= 3 ? "You are running low: make a new set from your account page." : "Each code works once.",
        NOT_YOU,
      ],
    }),

  passkeyAdded: (to: string, name: string, at: Date) =>
    render(to, {
      subject: "A passkey was added",
      lead: `A passkey named “${name}” was added to your ${APP_NAME} account on ${when(at)}. It signs in to the account by itself, without the password.`,
      notes: ["If this was not you, remove it from your account page at once, then change your password.", NOT_YOU],
    }),

  passkeyRemoved: (to: string, name: string, at: Date) =>
    render(to, {
      subject: "A passkey was removed",
      lead: `The passkey named “${name}” was removed from your ${APP_NAME} account on ${when(at)}. It no longer signs in to the account.`,
      notes: [NOT_YOU],
    }),

  sessionEndedForReuse: (to: string, device: string | null, at: Date) =>
    render(to, {
      subject: "A session was ended to protect your account",
      lead: `On ${when(at)}, a sign-in token of your ${APP_NAME} account was used twice, which happens when someone has copied it. That session was ended: ${device ? `the device was “${device}”` : "the device did not say what it was"}.`,
      notes: [
        "If you were signed in on that device, sign in again there.",
        "If you do not know the device, change your password from your account page and sign out every device.",
      ],
    }),

  accountDisabled: (to: string, reason: string, until: Date | null, at: Date) =>
    render(to, {
      subject: "Your account was disabled",
      lead: `An administrator disabled your ${APP_NAME} account on ${when(at)}${until ? `, until ${when(until)}` : ""}, and every device was signed out. The reason given: “${reason}”.`,
      notes: [
        until ? "You can sign in again after that time." : "You cannot sign in until an administrator enables the account again.",
        `If you think this is a mistake, write to ${operator()}.`,
      ],
    }),

  accountEnabled: (to: string, reason: string, at: Date) =>
    render(to, {
      subject: "Your account was enabled again",
      lead: `An administrator enabled your ${APP_NAME} account again on ${when(at)}: you can sign in. The reason given: “${reason}”.`,
      notes: [NOT_YOU_ADMIN()],
    }),

  sessionsEndedByAdmin: (to: string, reason: string, at: Date) =>
    render(to, {
      subject: "You were signed out everywhere",
      lead: `An administrator signed your ${APP_NAME} account out of every device on ${when(at)}. The reason given: “${reason}”.`,
      notes: ["Sign in again to go on. If you think someone else had your password, change it once you are in.", NOT_YOU_ADMIN()],
    }),

  mfaRemovedByAdmin: (to: string, reason: string, at: Date) =>
    render(to, {
      subject: "Two-step sign-in was turned off",
      lead: `An administrator turned two-step sign-in off for your ${APP_NAME} account on ${when(at)}, and its recovery codes no longer work. The reason given: “${reason}”.`,
      notes: ["Your password alone signs you in now: set up two-step sign-in again from your account page.", NOT_YOU_ADMIN()],
    }),

  newDeviceSignIn: (to: string, device: string | null, address: string, at: Date) =>
    render(to, {
      subject: "A sign-in from a new device",
      lead: `Your ${APP_NAME} account was signed in to on ${when(at)} from a browser or app it had not been used from before: ${device ? `“${device}”` : "the device did not say what it was"}, at the address ${address}.`,
      notes: ["If this was you, there is nothing to do.", NOT_YOU],
    }),
};
