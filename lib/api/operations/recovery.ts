// Account recovery and email: forgotten passwords, verified addresses and changes of
// address, each finished by the token of a mailed link.
import { COMMON_ERRORS, CROSS_SITE_FORM, WRONG_PASSWORD } from "@/lib/api/errors";
import { EXAMPLE_CREDENTIALS, EXAMPLE_LINK_TOKEN, EXAMPLE_USER } from "@/lib/api/examples";
import { defineOperation } from "@/lib/api/operation";
import { MAIL_SENT, MailSentSchema, MeResponseSchema } from "@/lib/auth/responses";
import { EmailChangeSchema, ForgotPasswordSchema, ResetPasswordSchema, RevertEmailSchema, VerifyEmailSchema } from "@/lib/auth/schemas";

const SENT = MAIL_SENT;
const linkRefused = (code: "invalid_reset_token" | "invalid_verification_token" | "invalid_revert_token") => ({
  status: 400,
  codes: [code],
  description: "The token is unknown, used, expired, or replaced by a newer one.",
});

export const forgotPassword = defineOperation({
  id: "forgotPassword",
  method: "POST",
  path: "/api/auth/password/forgot",
  tag: "Account recovery",
  summary: "Mail a password-reset link",
  description:
    "Always 202 with the same body, in about the same time, whether or not an account has this email; only when one " +
    "does, a link to `/reset-password#token=…` is mailed, valid `PASSWORD_RESET_TTL` seconds. A newer link voids the " +
    "older ones. Limited per email and per client address (429).",
  access: "public",
  refuseCrossSite: true,
  body: { schema: ForgotPasswordSchema, required: true, example: { email: EXAMPLE_USER.email } },
  success: { status: 202, description: "Accepted; a mail is on its way if the account exists.", schema: MailSentSchema, example: SENT },
  errors: [CROSS_SITE_FORM, COMMON_ERRORS.rateLimited],
});

export const resetPassword = defineOperation({
  id: "resetPassword",
  method: "POST",
  path: "/api/auth/password/reset",
  tag: "Account recovery",
  summary: "Set a new password with a reset link's token",
  description:
    "Sets the password, ends every session of the user (`password_reset`), marks the email verified (the link proves " +
    "it), voids every other mailed link, and mails a notice. The token works once. `new_password` follows signup's " +
    "rules (a common one is refused before the token is used, so the link still works) and must not be the current " +
    "password (refused after the token is used, so a link cannot test guesses of it).",
  access: "public",
  body: { schema: ResetPasswordSchema, required: true, example: { token: EXAMPLE_LINK_TOKEN, new_password: "a longer passphrase 2" } },
  success: { status: 204, description: "The password is set; sign in with it." },
  errors: [linkRefused("invalid_reset_token")],
});

export const changeEmail = defineOperation({
  id: "changeEmail",
  method: "POST",
  path: "/api/auth/email",
  tag: "Account recovery",
  summary: "Change the email address",
  description:
    "Mails a confirmation link to the new address (`/verify-email#token=…`). The email changes only when that link is " +
    "confirmed in a session of this account; the old address is then told. A wrong password counts as a failed login " +
    "of the account. Every request, 409s included, counts against the account's mail limit, so past it a taken and a " +
    "free address get the same 429. A sensitive action (Step-up): the right password is the recent proof, and an " +
    "account with TOTP needs a session at `aal` 2.",
  access: "user",
  sensitive: { passwordField: "password" },
  body: {
    schema: EmailChangeSchema,
    required: true,
    example: { new_email: "ada@lovelace.example", password: EXAMPLE_CREDENTIALS.password },
  },
  success: { status: 202, description: "A confirmation link is on its way to the new address.", schema: MailSentSchema, example: SENT },
  errors: [
    WRONG_PASSWORD,
    { status: 409, codes: ["email_taken"], description: "Another account has this email." },
    COMMON_ERRORS.rateLimited,
  ],
});

export const verifyEmail = defineOperation({
  id: "verifyEmail",
  method: "POST",
  path: "/api/auth/email/verify",
  tag: "Account recovery",
  summary: "Confirm an email address with a mailed link's token",
  description:
    "Confirms the account's address (the link mailed at signup or by resend), or a new address (an email change). The " +
    "caller must be signed in to the account the token belongs to (for an email change, the account that asked for " +
    "it), so that whoever opens a link mailed to them cannot be made to confirm an account someone else created with " +
    "their address. An API client signs in, then posts the token from the link's `#token=` fragment with its bearer " +
    "token. The role is derived again: an address in `ADMIN_EMAILS` makes an admin only once verified. The token " +
    "works once.",
  access: "user",
  body: { schema: VerifyEmailSchema, required: true, example: { token: EXAMPLE_LINK_TOKEN } },
  success: { status: 200, description: "The account, verified.", schema: MeResponseSchema, example: { user: EXAMPLE_USER } },
  errors: [
    linkRefused("invalid_verification_token"),
    {
      status: 403,
      codes: ["wrong_account"],
      description: "The token belongs to another account than the caller's; it is not used up.",
    },
    { status: 409, codes: ["email_taken"], description: "Another account took the new address meanwhile." },
  ],
});

export const resendVerification = defineOperation({
  id: "resendVerification",
  method: "POST",
  path: "/api/auth/email/verify/resend",
  tag: "Account recovery",
  summary: "Mail a new verification link",
  description: "Mails a new link to the account's address; the older links stop working.",
  access: "user",
  success: { status: 202, description: "A new link is on its way.", schema: MailSentSchema, example: SENT },
  errors: [
    { status: 409, codes: ["email_already_verified"], description: "The address is verified already." },
    COMMON_ERRORS.rateLimited,
  ],
});

export const revertEmail = defineOperation({
  id: "revertEmail",
  method: "POST",
  path: "/api/auth/email/revert",
  tag: "Account recovery",
  summary: "Undo an email change with the link mailed to the old address",
  description:
    "The notice an email change mails to the **old** address carries a link (`/revert-email#token=…`, valid 7 days): " +
    "the owner's way back when someone else changed their email. Posting its token puts the old address back (verified), " +
    "ends every session of the account (`email_reverted`) on every instance, removes the TOTP, recovery codes and " +
    "passkeys added since the change (older ones stay), voids every other mailed link, makes the password unusable " +
    "and mails a password-reset link to the restored address. All in one transaction: of two reverts with one token, " +
    "exactly one succeeds. Later changes of the address or the password do not void the link. Public: the owner may " +
    "have no session left. Limited per client address like the forgot-password requests (429).",
  access: "public",
  refuseCrossSite: true,
  body: { schema: RevertEmailSchema, required: true, example: { token: EXAMPLE_LINK_TOKEN } },
  success: { status: 204, description: "The address is back; a reset link is on its way to it." },
  errors: [
    CROSS_SITE_FORM,
    linkRefused("invalid_revert_token"),
    {
      status: 409,
      codes: ["email_taken"],
      description: "Another account holds the old address (only possible for a signup that raced the change); nothing changed.",
    },
    COMMON_ERRORS.rateLimited,
  ],
});
