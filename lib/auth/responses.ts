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

export const SessionEndReasonSchema = z.enum([
  "logout",
  "logout_everywhere",
  "refresh_reuse",
  "password_change",
  "password_reset",
  "revoked",
  "expired",
  "mfa_enabled",
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

export const UserPageSchema = z
  .object({
    users: z.array(UserSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  })
  .meta({ id: "UserPage" });

export type User = z.output<typeof UserSchema>;
export type UserPage = z.output<typeof UserPageSchema>;
export type TokenReply = z.output<typeof TokenSchema>;
export type SessionView = z.output<typeof SessionSchema>;
export type SessionEndReason = z.output<typeof SessionEndReasonSchema>;

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
