// Auth request and response shapes, written once: they validate requests, give the
// TypeScript types, drive the forms' client-side checks and the OpenAPI document.
import { z } from "zod";

/** The session id the schemas and the OpenAPI document show as an example. */
export const EXAMPLE_SESSION_ID = "01936f8e-8a11-7b20-8c3d-4e5f60718293";

const utf8Bytes = (value: string) => new TextEncoder().encode(value).length;

export const EmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter your email address.", abort: true })
  .max(254, { error: "Use at most 254 characters." })
  .check(z.email({ error: "Enter a valid email address." }))
  .meta({ example: "ada@example.com" });

// bcrypt only reads 72 bytes: longer passwords are refused, never silently truncated.
export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .refine((p) => utf8Bytes(p) >= 8, { error: "Use at least 8 characters." })
  .refine((p) => utf8Bytes(p) <= 72, {
    error: "Use at most 72 bytes (72 plain letters; fewer with accents or emoji).",
  })
  .meta({ description: "8 to 72 bytes of UTF-8.", example: "correct horse battery" });

export const NameSchema = z
  .string()
  .trim()
  .max(100, { error: "Use at most 100 characters." })
  .transform((name) => (name === "" ? null : name))
  .meta({ example: "Ada Lovelace" });

export const SignupSchema = z
  .object({ email: EmailSchema, password: PasswordSchema, name: NameSchema.optional() })
  .meta({ id: "SignupRequest" });

export const LoginSchema = z
  .object({
    email: EmailSchema,
    // No length rule at login beyond bcrypt's: what was never accepted cannot match.
    password: z
      .string({ error: "Enter your password." })
      .min(1, { error: "Enter your password." })
      .refine((p) => utf8Bytes(p) <= 72, { error: "Passwords are at most 72 bytes." }),
    // Anything that is not a token made for this account is simply no device token.
    device_token: z.string().max(512).optional().meta({
      description:
        "For API clients: the `device_token` an earlier login of this account returned. Its holder keeps a " +
        "failed-login allowance of its own, which others' failures for the email cannot use up.",
    }),
  })
  .meta({ id: "LoginRequest" });

/**
 * What stands where a refresh token belongs, as text. null is no token. Anything else that
 * is not one (a number, an object, a NUL) becomes text that names no session: real tokens
 * are base64url, so neither JSON nor U+FFFD can match one.
 */
function asTokenText(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  return typeof value === "string" ? value.replaceAll("\u0000", "\ufffd") : JSON.stringify(value);
}

export const RefreshSchema = z
  // No length or type rules: a token of the wrong length or kind is simply one that names
  // no session, answered 401 like any other unusable token (README: The API), never 400.
  .object({ refresh_token: z.preprocess(asTokenText, z.string().optional()) })
  .meta({ id: "RefreshRequest" });

export const LogoutSchema = z.object({ refresh_token: z.string().optional() }).meta({ id: "LogoutRequest" });

export const PasswordChangeSchema = z
  .object({
    current_password: z.string({ error: "Enter your current password." }).min(1, {
      error: "Enter your current password.",
    }),
    new_password: PasswordSchema,
  })
  .meta({ id: "PasswordChangeRequest" });

export const AccountDeleteSchema = z
  .object({
    password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }),
  })
  .meta({ id: "AccountDeleteRequest" });

// A mailed link's token, as its page posts it. No length rules: a token of the wrong length
// is one that matches nothing, answered like any other unusable token.
const LinkTokenSchema = z
  .string({ error: "The link's token is missing." })
  .min(1, { error: "The link's token is missing." })
  .meta({ description: "The `token` from the link's fragment (`#token=…`)." });

export const ForgotPasswordSchema = z.object({ email: EmailSchema }).meta({ id: "ForgotPasswordRequest" });

export const ResetPasswordSchema = z
  .object({ token: LinkTokenSchema, new_password: PasswordSchema })
  .meta({ id: "ResetPasswordRequest" });

export const VerifyEmailSchema = z.object({ token: LinkTokenSchema }).meta({ id: "VerifyEmailRequest" });

export const RevertEmailSchema = z.object({ token: LinkTokenSchema }).meta({ id: "RevertEmailRequest" });

export const EmailChangeSchema = z
  .object({
    new_email: EmailSchema,
    password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }),
  })
  .meta({ id: "EmailChangeRequest" });

export const SessionsQuerySchema = z.object({
  include: z.enum(["ended"]).optional(),
});

export const EndSessionsQuerySchema = z.object({
  // Empty means none, and is the example: a generated client sends every optional parameter.
  except: z
    .union([z.literal("").transform(() => undefined), z.enum(["current"])], { error: "Use except=current, or leave it out." })
    .optional()
    .meta({ description: "`current`: end only the other sessions; this one stays signed in.", example: "" }),
});

export const SessionIdParamsSchema = z.object({
  id: z.string().meta({ description: "A session id from the sessions list.", example: EXAMPLE_SESSION_ID }),
});

const notACursor = "Not a cursor from this list.";

export const UsersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  // Empty means none, and is the example, as for the items' cursor (lib/items/schemas.ts):
  // else a generated client sends a random id, which silently starts the list after it.
  cursor: z
    .union([z.literal("").transform(() => undefined), z.uuid({ error: notACursor })], { error: notACursor })
    .optional()
    .meta({ description: "The `nextCursor` of the previous page; empty for the first page.", example: "" }),
  q: z
    .string()
    .max(254)
    .optional()
    .meta({ description: "Only users whose email contains this, ignoring case; empty for all.", example: "" }),
});

export const UserIdParamsSchema = z.object({
  id: z.uuid({ error: "Not a user id." }).meta({ description: "A user id from the users list.", example: EXAMPLE_SESSION_ID }),
});

const ReasonSchema = z
  .string({ error: "Say why: the reason is recorded in the audit trail and told to the user." })
  .trim()
  .min(1, { error: "Say why: the reason is recorded in the audit trail and told to the user." })
  .max(500, { error: "At most 500 characters." })
  .meta({ description: "Why: recorded in the audit trail, and told to the user in the notice." });

export const AdminReasonSchema = z.object({ reason: ReasonSchema }).meta({ id: "AdminReason" });

export const DisableUserSchema = z
  .object({
    reason: ReasonSchema,
    until: z.iso
      .datetime({ offset: true, error: "An ISO 8601 time, such as 2027-01-31T00:00:00Z." })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() > Date.now(), { error: "The end must be in the future." })
      .optional()
      .meta({ description: "When the account is enabled again by itself; without it, until an admin enables it." }),
  })
  .meta({ id: "DisableUserRequest" });

// Second factors (v3). A code is typed with spaces at times ("123 456"): they do not count.
const TotpCodeSchema = z
  .string({ error: "Enter the 6-digit code from your authenticator app." })
  .transform((code) => code.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "Enter the 6-digit code from your authenticator app." }))
  .meta({ description: "The 6-digit code the authenticator app shows now.", example: "123456" });

// No format rule beyond a length: a mistyped code is simply a wrong one, counted as such.
const RecoveryCodeSchema = z
  .string({ error: "Enter one of your recovery codes." })
  .min(1, { error: "Enter one of your recovery codes." })
  .max(64, { error: "That is not a recovery code." })
  .meta({ description: "One of the account's recovery codes (`xxxxx-xxxxx`; case, spaces and dashes do not matter).", example: "7hk2m-p9qxr" });


/** Exactly one way of proving the second factor; `passkey` joins these with passkeys. */
function exactlyOneProof(value: Record<string, unknown>, ctx: z.RefinementCtx, fields: readonly string[]) {
  const given = fields.filter((field) => value[field] !== undefined);
  if (given.length === 1) return;
  const message = `Send exactly one of ${fields.join(", ")}.`;
  for (const path of given.length === 0 ? fields.slice(0, 1) : given) ctx.addIssue({ code: "custom", path: [path], message });
}

export const TotpConfirmSchema = z.object({ code: TotpCodeSchema }).meta({ id: "TotpConfirmRequest" });

export type SignupInput = z.output<typeof SignupSchema>;
export type LoginInput = z.output<typeof LoginSchema>;

// Passkeys (README: Passkeys): the WebAuthn JSON a browser's navigator.credentials answers
// with, as @simplewebauthn/browser's startRegistration and startAuthentication return it.
// Each binary field is base64url; the lengths bound what an authenticator sends (a
// credential id is at most 1023 bytes, WebAuthn §5.8.3) and keep junk from the verifier.
const base64url = (max: number, description: string) =>
  z.string().max(max).regex(/^[A-Za-z0-9_-]*$/, { error: "Not base64url." }).meta({ description });

const CredentialIdSchema = base64url(1400, "The credential id, base64url.");
const TransportsSchema = z.array(z.string().max(32)).max(10);
// credProps.rk says whether the authenticator made a discoverable credential (WebAuthn §10.1.3).
const ExtensionResultsSchema = z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }).default({});

export const RegistrationResponseSchema = z
  .object({
    id: CredentialIdSchema,
    rawId: CredentialIdSchema,
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: base64url(4096, "The client data (type, challenge, origin), base64url."),
      attestationObject: base64url(8192, "The attestation object (CBOR: fmt, attStmt, authData), base64url."),
      authenticatorData: base64url(4096, "The authenticator data, base64url.").optional(),
      transports: TransportsSchema.optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(4096, "The public key (SPKI), base64url.").optional(),
    }),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    clientExtensionResults: ExtensionResultsSchema,
  })
  .meta({ id: "PasskeyRegistrationResponse", description: "A `PublicKeyCredential` from `navigator.credentials.create()`, as JSON (WebAuthn `RegistrationResponseJSON`)." });

export const AuthenticationResponseSchema = z
  .object({
    id: CredentialIdSchema,
    rawId: CredentialIdSchema,
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: base64url(4096, "The client data (type, challenge, origin), base64url."),
      authenticatorData: base64url(4096, "The authenticator data (RP id hash, flags, counter), base64url."),
      signature: base64url(1024, "The assertion signature, base64url."),
      userHandle: base64url(128, "The user handle the passkey was made with, base64url.").optional(),
    }),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    clientExtensionResults: ExtensionResultsSchema,
  })
  .meta({ id: "PasskeyAuthenticationResponse", description: "A `PublicKeyCredential` from `navigator.credentials.get()`, as JSON (WebAuthn `AuthenticationResponseJSON`)." });

const MfaTokenSchema = z
  .string({ error: "The sign-in step's token is missing. Sign in again." })
  .min(1, { error: "The sign-in step's token is missing. Sign in again." })
  .max(512)
  .meta({ description: "The `mfa_token` the login answered with." });

export const LoginSecondStepSchema = z
  .object({
    mfa_token: MfaTokenSchema,
    code: TotpCodeSchema.optional(),
    recovery_code: RecoveryCodeSchema.optional(),
    passkey: AuthenticationResponseSchema.optional(),
    device_token: z.string().max(512).optional().meta({ description: "As in the login: this client's `device_token` for the account." }),
  })
  .superRefine((value, ctx) => exactlyOneProof(value, ctx, ["code", "recovery_code", "passkey"]))
  .meta({ id: "LoginSecondStepRequest", description: "The `mfa_token` and one of `code`, `recovery_code` or `passkey`." });

export const MfaPasskeyOptionsSchema = z.object({ mfa_token: MfaTokenSchema }).meta({ id: "MfaPasskeyOptionsRequest" });

export const ReauthenticateSchema = z
  .object({
    password: z.string().min(1, { error: "Enter your password." }).max(256).optional(),
    code: TotpCodeSchema.optional(),
    recovery_code: RecoveryCodeSchema.optional(),
    passkey: AuthenticationResponseSchema.optional(),
  })
  .superRefine((value, ctx) => exactlyOneProof(value, ctx, ["password", "code", "recovery_code", "passkey"]))
  .meta({ id: "ReauthenticateRequest", description: "Exactly one of `password`, `code`, `recovery_code` or `passkey`." });

export type LoginSecondStepInput = z.output<typeof LoginSecondStepSchema>;
export type ReauthenticateInput = z.output<typeof ReauthenticateSchema>;

const PasskeyNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, { error: "Enter a name." })
  .max(100, { error: "Use at most 100 characters." })
  .meta({ example: "Work laptop" });

export const PasskeyCreateSchema = z
  .object({
    response: RegistrationResponseSchema,
    name: PasskeyNameSchema.optional().meta({ description: "Unset: the authenticator's model where it is known." }),
  })
  .meta({ id: "PasskeyCreateRequest" });

export const PasskeyRenameSchema = z.object({ name: PasskeyNameSchema }).meta({ id: "PasskeyRenameRequest" });

export const PasskeyLoginSchema = z.object({ response: AuthenticationResponseSchema }).meta({ id: "PasskeyLoginRequest" });

export const PasskeyIdParamsSchema = z.object({
  id: z.string().meta({ description: "A passkey id from the passkeys list.", example: EXAMPLE_SESSION_ID }),
});

export type RegistrationResponseInput = z.output<typeof RegistrationResponseSchema>;
export type AuthenticationResponseInput = z.output<typeof AuthenticationResponseSchema>;
