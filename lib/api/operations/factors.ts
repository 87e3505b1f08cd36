// Second factors (README: Second factors): what the caller has set up, TOTP on and off, new recovery
// codes, the second step of a login, and proving a method again for a sensitive action.
import { COMMON_ERRORS, CROSS_SITE_FORM, WRONG_PASSWORD } from "@/lib/api/errors";
import { EXAMPLE_ACCESS_TOKEN, EXAMPLE_MFA_TOKEN, EXAMPLE_TOKENS, EXAMPLE_USER } from "@/lib/api/examples";
import { defineOperation } from "@/lib/api/operation";
import {
  AccessGrantSchema,
  AuthResultSchema,
  MfaStatusSchema,
  PasskeyRequestOptionsSchema,
  RecoveryCodesSchema,
  TotpSetupSchema,
} from "@/lib/auth/responses";
import { LoginSecondStepSchema, MfaPasskeyOptionsSchema, ReauthenticateSchema, TotpConfirmSchema } from "@/lib/auth/schemas";

const EXAMPLE_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const EXAMPLE_RECOVERY_CODES = [
  "7hk2m-p9qxr", "c4w8n-t2zjd", "m5rb9-x3kfe", "q8tv2-h6wna", "z3gp7-e9mcy",
  "b6dx4-r2vks", "n9fw3-j5tpa", "u2ke8-y7bqh", "w4ms6-c8dgz", "x7ha3-p5rne",
];

const INVALID_MFA_CODE_403 = {
  status: 403,
  codes: ["invalid_mfa_code"],
  description: "The code is wrong, or its time step was used already (403: the caller stays signed in).",
} as const;

const SECOND_STEPS_LIMITED = {
  ...COMMON_ERRORS.rateLimited,
  description:
    "10 wrong second steps (TOTP codes and recovery codes together) for the account within 15 minutes: wait " +
    "`Retry-After` seconds. A right one empties the count.",
};

const NO_PASSKEYS = { status: 409, codes: ["no_passkeys"], description: "The account has no passkeys: use a code instead." } as const;

const EXAMPLE_CHALLENGE = "dGhpcyBpcyBhIDI1Ni1iaXQgY2hhbGxlbmdlIGV4YW1wbGU";
const EXAMPLE_OWN_PASSKEY_OPTIONS = {
  challenge: EXAMPLE_CHALLENGE,
  rpId: "items.example.com",
  timeout: 300000,
  userVerification: "required",
  allowCredentials: [{ id: "AZNvjnxKfT6bGi9MXW5_gA", type: "public-key", transports: ["internal", "hybrid"] }],
} as const;
const EXAMPLE_PASSKEY_ASSERTION = {
  id: "AZNvjnxKfT6bGi9MXW5_gA",
  rawId: "AZNvjnxKfT6bGi9MXW5_gA",
  type: "public-key",
  response: {
    clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiZEdocGN5QnBjeUJoIn0",
    authenticatorData: "SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MdAAAAAA",
    signature: "MEUCIQCv7EqsBRtf2E4o_BjzZfBwNpP8fLjd5y6TUOLWt5l9DQ",
  },
  clientExtensionResults: {},
} as const;

const MFA_NOT_ENABLED = {
  status: 409,
  codes: ["mfa_not_enabled"],
  description: "TOTP is off for this account: there is nothing to turn off or renew.",
} as const;

export const getMfaStatus = defineOperation({
  id: "getMfaStatus",
  method: "GET",
  path: "/api/auth/mfa",
  tag: "Second factors",
  summary: "What the caller has set up",
  access: "user",
  success: {
    status: 200,
    description: "Whether TOTP is on, how many recovery codes are unused, how many passkeys there are.",
    schema: MfaStatusSchema,
    example: { totp: true, recovery_codes_left: 8, passkeys: 0 },
  },
});

export const startTotpSetup = defineOperation({
  id: "startTotpSetup",
  method: "POST",
  path: "/api/auth/mfa/totp",
  tag: "Second factors",
  summary: "Start setting up an authenticator app",
  description:
    "A new TOTP secret (RFC 6238: SHA-1, 6 digits, 30 s), inert until a code from it is confirmed and void after " +
    "10 minutes. Calling again replaces a pending setup, never a confirmed one. The secret is never shown again.",
  access: "user",
  sensitive: true,
  success: {
    status: 201,
    description: "The secret to scan or type.",
    schema: TotpSetupSchema,
    example: {
      secret: EXAMPLE_SECRET,
      otpauth_uri: `otpauth://totp/JWT%20Items:${encodeURIComponent(EXAMPLE_USER.email)}?secret=${EXAMPLE_SECRET}&issuer=JWT%20Items`,
      qr_svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 37 37">…</svg>',
    },
  },
  errors: [{ status: 409, codes: ["mfa_already_enabled"], description: "TOTP is on already; turn it off first." }],
});

export const confirmTotpSetup = defineOperation({
  id: "confirmTotpSetup",
  method: "POST",
  path: "/api/auth/mfa/totp/confirm",
  tag: "Second factors",
  summary: "Turn TOTP on with a first code",
  description:
    "A code from the pending setup turns TOTP on and answers the account's 10 recovery codes, shown this once. " +
    "This session becomes `aal` 2; every other session of the account ends (`mfa_enabled`); a notice is mailed.",
  access: "user",
  sensitive: true,
  body: { schema: TotpConfirmSchema, required: true, example: { code: "123456" } },
  success: {
    status: 200,
    description: "TOTP is on; the recovery codes.",
    schema: RecoveryCodesSchema,
    example: { recovery_codes: EXAMPLE_RECOVERY_CODES },
  },
  errors: [
    INVALID_MFA_CODE_403,
    { status: 409, codes: ["no_pending_setup"], description: "No setup is waiting: none was started, or it is older than 10 minutes." },
  ],
});

export const disableTotp = defineOperation({
  id: "disableTotp",
  method: "DELETE",
  path: "/api/auth/mfa/totp",
  tag: "Second factors",
  summary: "Turn TOTP off",
  description: "Removes the authenticator and voids the recovery codes; a notice is mailed. Needs `aal` 2 (Step-up).",
  access: "user",
  sensitive: true,
  success: { status: 204, description: "TOTP is off." },
  errors: [MFA_NOT_ENABLED],
});

export const renewRecoveryCodes = defineOperation({
  id: "renewRecoveryCodes",
  method: "POST",
  path: "/api/auth/mfa/recovery-codes",
  tag: "Second factors",
  summary: "Make new recovery codes",
  description: "A new set of 10; the old set is void at once. A notice is mailed. Needs `aal` 2 (Step-up).",
  access: "user",
  sensitive: true,
  success: {
    status: 200,
    description: "The new codes, shown this once.",
    schema: RecoveryCodesSchema,
    example: { recovery_codes: EXAMPLE_RECOVERY_CODES },
  },
  errors: [MFA_NOT_ENABLED],
});

export const logInSecondStep = defineOperation({
  id: "logInSecondStep",
  method: "POST",
  path: "/api/auth/login/mfa",
  tag: "Second factors",
  summary: "Complete a login with a code, a recovery code or a passkey",
  description:
    "The second step of a login that answered `mfa_required`. `mfa_token` is single use, valid 300 s, and only " +
    "from the client address that passed the password; after 5 wrong codes it is void. A TOTP time step is " +
    "accepted once per account. A recovery code works once, and a notice says how many are left. `passkey` is the " +
    "assertion for options from `POST /api/auth/login/mfa/passkey-options`; only the account's own passkeys are " +
    "accepted, each challenge once. The answer is a login's: the new session is at `aal` 2, `amr` `[pwd, otp]`, " +
    "`[pwd, rec]` or `[pwd, passkey]`.",
  access: "public",
  delivers: "tokens-and-cookies",
  refuseCrossSite: true,
  body: { schema: LoginSecondStepSchema, required: true, example: { mfa_token: EXAMPLE_MFA_TOKEN, passkey: EXAMPLE_PASSKEY_ASSERTION } },
  success: {
    status: 200,
    description: "A new session at `aal` 2.",
    schema: AuthResultSchema,
    example: { user: EXAMPLE_USER, ...EXAMPLE_TOKENS },
  },
  errors: [
    {
      status: 401,
      codes: ["invalid_mfa_token", "invalid_mfa_code"],
      description:
        "`invalid_mfa_token`: unknown, used, expired, from another address, or void after 5 wrong codes: log in " +
        "again. `invalid_mfa_code`: the code is wrong or its time step was used already, or the passkey is not one " +
        "of the account's, its challenge was used or expired, or its signature or user verification failed. Each " +
        "counts as a wrong second step.",
      headers: ["WWW-Authenticate"],
    },
    CROSS_SITE_FORM,
    SECOND_STEPS_LIMITED,
  ],
});

export const secondStepPasskeyOptions = defineOperation({
  id: "secondStepPasskeyOptions",
  method: "POST",
  path: "/api/auth/login/mfa/passkey-options",
  tag: "Second factors",
  summary: "Options to complete a login with a passkey",
  description:
    "WebAuthn request options for the second step: `allowCredentials` lists the account's own passkeys, and only " +
    "they are accepted. User verification is required; the challenge is single use and valid 5 minutes. The " +
    "`mfa_token` is not used up and no try is taken.",
  access: "public",
  refuseCrossSite: true,
  body: { schema: MfaPasskeyOptionsSchema, required: true, example: { mfa_token: EXAMPLE_MFA_TOKEN } },
  success: {
    status: 200,
    description: "Request options (WebAuthn `PublicKeyCredentialRequestOptionsJSON`).",
    schema: PasskeyRequestOptionsSchema,
    example: EXAMPLE_OWN_PASSKEY_OPTIONS,
  },
  errors: [
    {
      status: 401,
      codes: ["invalid_mfa_token"],
      description: "Unknown, used, expired, from another address, or void after 5 wrong second steps: log in again.",
      headers: ["WWW-Authenticate"],
    },
    NO_PASSKEYS,
    CROSS_SITE_FORM,
  ],
});

export const reauthenticationPasskeyOptions = defineOperation({
  id: "reauthenticationPasskeyOptions",
  method: "POST",
  path: "/api/auth/reauthenticate/passkey-options",
  tag: "Second factors",
  summary: "Options to prove a passkey again",
  description:
    "WebAuthn request options for `POST /api/auth/reauthenticate` with `passkey`: `allowCredentials` lists the " +
    "caller's passkeys, and only they are accepted. The challenge is single use and valid 5 minutes.",
  access: "user",
  success: {
    status: 200,
    description: "Request options (WebAuthn `PublicKeyCredentialRequestOptionsJSON`).",
    schema: PasskeyRequestOptionsSchema,
    example: EXAMPLE_OWN_PASSKEY_OPTIONS,
  },
  errors: [NO_PASSKEYS],
});

export const reauthenticate = defineOperation({
  id: "reauthenticate",
  method: "POST",
  path: "/api/auth/reauthenticate",
  tag: "Second factors",
  summary: "Prove a method again, for a sensitive action",
  description:
    "Gives this session a fresh `auth_time`; a TOTP code, a recovery code or a passkey (an assertion for options " +
    "from `POST /api/auth/reauthenticate/passkey-options`) also raises it to `aal` 2. Answers a " +
    "new access token with the new claims (a browser also gets it as its cookie; the refresh token is unchanged). " +
    "Wrong answers count like the login's: a password against the account's login limit, a code or a passkey against its " +
    "second steps.",
  access: "user",
  delivers: "access-cookie",
  body: { schema: ReauthenticateSchema, required: true, example: { password: "correct horse battery" } },
  success: {
    status: 200,
    description: "A new access token for this session.",
    schema: AccessGrantSchema,
    example: { access_token: EXAMPLE_ACCESS_TOKEN, token_type: "Bearer", expires_in: 900 },
  },
  errors: [
    { ...WRONG_PASSWORD, codes: ["invalid_credentials", "invalid_mfa_code"], description: "The password, code or passkey is wrong (403: the caller stays signed in)." },
    { ...COMMON_ERRORS.rateLimited, description: "Too many wrong passwords or second steps for the account; wait `Retry-After` seconds." },
  ],
});
