// The account-recovery and email endpoints of the API contract, described for the OpenAPI document.
import type { ApiRoute } from "@/lib/auth/routes";
import {
  EmailChangeSchema,
  ForgotPasswordSchema,
  MailSentSchema,
  ResetPasswordSchema,
  VerifyEmailSchema,
} from "@/lib/auth/schemas";
import { COMMON_ERRORS } from "@/lib/openapi/errors";
import { EXAMPLE_USER } from "@/lib/openapi/examples";
import type { RouteOperations } from "@/lib/openapi/operation";
import { MeResponseSchema } from "@/lib/openapi/responses";

type RecoveryRoute = Extract<ApiRoute, `/api/auth/password/${string}` | `/api/auth/email${string}`>;

const EXAMPLE_LINK_TOKEN = "Zx8vKp2qL5mN7rT0wY3bC6dF9gH1jA4sE2uI5oP8kQ0";
const SENT = { status: "sent" } as const;

export const RECOVERY_OPERATIONS = {
  "/api/auth/password/forgot": {
    POST: {
      id: "forgotPassword",
      tag: "Account recovery",
      summary: "Mail a password-reset link",
      description:
        "Always 202 with the same body, in about the same time, whether or not an account has this email; only when one " +
        "does, a link to `/reset-password#token=…` is mailed, valid `PASSWORD_RESET_TTL` seconds. A newer link voids the " +
        "older ones. Limited per email and per client address (429).",
      access: "public",
      body: { schema: ForgotPasswordSchema, required: true, example: { email: EXAMPLE_USER.email } },
      success: { status: 202, description: "Accepted; a mail is on its way if the account exists.", schema: MailSentSchema, example: SENT },
      errors: [
        { status: 403, codes: ["csrf_failed"], description: "A browser request from another site." },
        COMMON_ERRORS.rateLimited,
      ],
    },
  },
  "/api/auth/password/reset": {
    POST: {
      id: "resetPassword",
      tag: "Account recovery",
      summary: "Set a new password with a reset link's token",
      description:
        "Sets the password, ends every session of the user (`password_reset`), marks the email verified (the link proves " +
        "it), voids every other mailed link, and mails a notice. The token works once.",
      access: "public",
      body: {
        schema: ResetPasswordSchema,
        required: true,
        example: { token: EXAMPLE_LINK_TOKEN, new_password: "a longer passphrase 2" },
      },
      success: { status: 204, description: "The password is set; sign in with it." },
      errors: [
        {
          status: 400,
          codes: ["invalid_reset_token"],
          description: "The token is unknown, used, expired, or replaced by a newer one.",
        },
      ],
    },
  },
  "/api/auth/email": {
    POST: {
      id: "changeEmail",
      tag: "Account recovery",
      summary: "Change the email address",
      description:
        "Mails a confirmation link to the new address (`/verify-email#token=…`). The email changes only when that link is " +
        "followed; the old address is then told. A wrong password counts as a failed login of the account.",
      access: "token",
      body: { schema: EmailChangeSchema, required: true, example: { new_email: "ada@lovelace.example", password: "correct horse battery" } },
      success: { status: 202, description: "A confirmation link is on its way to the new address.", schema: MailSentSchema, example: SENT },
      errors: [
        {
          status: 403,
          codes: ["invalid_credentials"],
          description: "The password given is wrong (403, not 401: the caller stays logged in).",
        },
        { status: 409, codes: ["email_taken"], description: "Another account has this email." },
        COMMON_ERRORS.rateLimited,
      ],
    },
  },
  "/api/auth/email/verify": {
    POST: {
      id: "verifyEmail",
      tag: "Account recovery",
      summary: "Confirm an email address with a mailed link's token",
      description:
        "Confirms the account's address (the link mailed at signup or by resend), or a new address (an email change). The " +
        "role is derived again: an address in `ADMIN_EMAILS` makes an admin only once verified. The token works once.",
      access: "public",
      body: { schema: VerifyEmailSchema, required: true, example: { token: EXAMPLE_LINK_TOKEN } },
      success: { status: 200, description: "The account, verified.", schema: MeResponseSchema, example: { user: EXAMPLE_USER } },
      errors: [
        {
          status: 400,
          codes: ["invalid_verification_token"],
          description: "The token is unknown, used, expired, or replaced by a newer one.",
        },
        { status: 409, codes: ["email_taken"], description: "Another account took the new address meanwhile." },
      ],
    },
  },
  "/api/auth/email/verify/resend": {
    POST: {
      id: "resendVerification",
      tag: "Account recovery",
      summary: "Mail a new verification link",
      description: "Mails a new link to the account's address; the older links stop working.",
      access: "token",
      success: { status: 202, description: "A new link is on its way.", schema: MailSentSchema, example: SENT },
      errors: [
        { status: 409, codes: ["email_already_verified"], description: "The address is verified already." },
        COMMON_ERRORS.rateLimited,
      ],
    },
  },
} satisfies RouteOperations<RecoveryRoute>;
