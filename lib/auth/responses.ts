// What the auth endpoints answer, written once: route() checks replies against these in
// development and tests, the OpenAPI document describes them, and pages take their types.
import { z } from "zod";

export const MailSentSchema = z.object({ status: z.literal("sent") }).meta({ id: "MailSent" });

/** The answer of every call that mails a link: the same whether or not a mail went out. */
export const MAIL_SENT = { status: "sent" } as const;

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(["user", "admin"]),
    emailVerified: z.boolean().meta({ description: "Whether the user has confirmed that they read mail at `email`." }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "User" });

export const TokenSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().meta({ description: "Seconds until the access token expires." }),
    refresh_token: z
      .string()
      .optional()
      .meta({ description: "The next refresh token. Only for API clients: a browser gets it as an HttpOnly cookie." }),
  })
  .meta({ id: "TokenResponse" });

export const AuthResultSchema = TokenSchema.extend({
  user: UserSchema,
  device_token: z.string().optional().meta({
    description:
      "Only for API clients: send it as `device_token` in later logins of this account, so that others' failed " +
      "guesses cannot lock this client out. A browser gets it as an HttpOnly cookie.",
  }),
}).meta({ id: "AuthResponse" });

/** The ways a login's second step may be passed; `passkey` only when the account has passkeys. */
export const SecondStepMethodSchema = z.enum(["totp", "recovery_code", "passkey"]);

export const MfaRequiredSchema = z
  .object({
    mfa_required: z.literal(true),
    mfa_token: z.string().meta({ description: "Send it with the second step to `POST /api/auth/login/mfa`: single use, bound to this client's address." }),
    methods: z.array(SecondStepMethodSchema).meta({ description: "What the second step may be." }),
    expires_in: z.number().int().meta({ description: "Seconds until `mfa_token` expires." }),
  })
  .meta({ id: "MfaRequired", description: "The password was right; the account has a second factor, so no session exists yet." });

export const LoginResultSchema = z.union([AuthResultSchema, MfaRequiredSchema]).meta({ id: "LoginResponse" });

export const MfaStatusSchema = z
  .object({
    totp: z.boolean().meta({ description: "Whether TOTP (an authenticator app) is on." }),
    recovery_codes_left: z.number().int().meta({ description: "Unused recovery codes; 0 while TOTP is off." }),
    passkeys: z.number().int().meta({ description: "How many passkeys the account has." }),
  })
  .meta({ id: "MfaStatus" });

export const TotpSetupSchema = z
  .object({
    secret: z.string().meta({ description: "The base32 secret, for typing into an app; never shown again." }),
    otpauth_uri: z.string().meta({ description: "`otpauth://totp/<issuer>:<email>?secret=…&issuer=…`" }),
    qr_svg: z.string().meta({ description: "An SVG image of `otpauth_uri`, to scan." }),
  })
  .meta({ id: "TotpSetup" });

export const RecoveryCodesSchema = z
  .object({
    recovery_codes: z.array(z.string()).meta({ description: "10 single-use codes, `xxxxx-xxxxx`; shown this once." }),
  })
  .meta({ id: "RecoveryCodes" });

export const AccessGrantSchema = TokenSchema.omit({ refresh_token: true }).meta({ id: "AccessTokenResponse" });

export const SessionEndReasonSchema = z.enum([
  "logout",
  "logout_everywhere",
  "refresh_reuse",
  "password_change",
  "password_reset",
  "revoked",
  "expired",
  "mfa_enabled",
  "disabled",
  "revoked_by_admin",
  "email_reverted",
]);

export const SessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
    endedAt: z.iso.datetime().nullable(),
    endReason: SessionEndReasonSchema.nullable(),
  })
  .meta({ id: "Session" });

export const MeResponseSchema = z.object({ user: UserSchema }).meta({ id: "MeResponse" });

export const SessionListSchema = z.object({ sessions: z.array(SessionSchema) }).meta({ id: "SessionList" });


export const AdminUserSchema = UserSchema.extend({
  disabled: z
    .object({ reason: z.string(), until: z.iso.datetime().nullable() })
    .nullable()
    .meta({ description: "Null while the account may sign in; else the admin's reason and the end, if one was given." }),
  mfa: z.boolean().meta({ description: "Whether two-step sign-in (TOTP) is on." }),
  lastLoginAt: z.iso.datetime().nullable(),
  activeSessions: z.number().int(),
}).meta({ id: "AdminUser" });

export const AdminUserResponseSchema = z.object({ user: AdminUserSchema }).meta({ id: "AdminUserResponse" });

export const AdminUserPageSchema = z
  .object({
    users: z.array(AdminUserSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  })
  .meta({ id: "AdminUserPage" });

export type User = z.output<typeof UserSchema>;
export type AdminUser = z.output<typeof AdminUserSchema>;
export type TokenReply = z.output<typeof TokenSchema>;
export type SessionView = z.output<typeof SessionSchema>;
export type SessionEndReason = z.output<typeof SessionEndReasonSchema>;
export type MfaStatusView = z.output<typeof MfaStatusSchema>;
export type SecondStepMethod = z.output<typeof SecondStepMethodSchema>;

export const PasskeySchema = z
  .object({
    id: z.string(),
    credentialId: z.string().meta({ description: "The WebAuthn credential id (base64url): what browsers know the passkey by. Not a secret." }),
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    backedUp: z.boolean().meta({ description: "Synced (true: the provider keeps copies, e.g. iCloud Keychain) or bound to one device (false)." }),
    counterRegressedAt: z.iso.datetime().nullable().meta({
      description: "When a sign-in with it was refused because its signature counter went backwards (a cloned authenticator?); null if never.",
    }),
  })
  .meta({ id: "Passkey" });

export const PasskeyReplySchema = z.object({ passkey: PasskeySchema }).meta({ id: "PasskeyResponse" });
export const PasskeyListSchema = z.object({ passkeys: z.array(PasskeySchema) }).meta({ id: "PasskeyList" });

const credentialDescriptor = z.object({
  id: z.string().meta({ description: "A credential id, base64url." }),
  type: z.literal("public-key"),
  transports: z.array(z.string()).optional(),
});

export const PasskeyCreationOptionsSchema = z
  .object({
    rp: z.object({ id: z.string().optional(), name: z.string() }),
    user: z.object({ id: z.string().meta({ description: "The account's user handle, base64url (no personal data)." }), name: z.string(), displayName: z.string() }),
    challenge: z.string().meta({ description: "Single use, valid 5 minutes, base64url." }),
    pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal("public-key") })),
    timeout: z.number().optional(),
    excludeCredentials: z.array(credentialDescriptor).optional().meta({ description: "The caller's passkeys: an authenticator that holds one makes no second." }),
    authenticatorSelection: z.object({ residentKey: z.string().optional(), userVerification: z.string().optional() }).optional(),
    attestation: z.string().optional(),
    hints: z.array(z.string()).optional(),
  })
  .meta({ id: "PasskeyCreationOptions", description: "WebAuthn `PublicKeyCredentialCreationOptionsJSON`: pass to `navigator.credentials.create()` (or @simplewebauthn/browser's `startRegistration`)." });

export const PasskeyRequestOptionsSchema = z
  .object({
    challenge: z.string().meta({ description: "Single use, valid 5 minutes, base64url." }),
    rpId: z.string().optional(),
    timeout: z.number().optional(),
    allowCredentials: z.array(credentialDescriptor).optional(),
    userVerification: z.string().optional(),
    hints: z.array(z.string()).optional(),
  })
  .meta({ id: "PasskeyRequestOptions", description: "WebAuthn `PublicKeyCredentialRequestOptionsJSON`: pass to `navigator.credentials.get()` (or `startAuthentication`)." });

export type PasskeyView = z.output<typeof PasskeySchema>;
