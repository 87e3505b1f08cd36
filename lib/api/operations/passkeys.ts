// Passkeys (WebAuthn): adding, listing, renaming and removing the caller's, and signing in
// with one. Bodies are WebAuthn's JSON forms (what @simplewebauthn/browser sends and takes).
import { COMMON_ERRORS } from "@/lib/api/errors";
import { EXAMPLE_TOKENS, EXAMPLE_USER } from "@/lib/api/examples";
import { defineOperation } from "@/lib/api/operation";
import {
  AuthResultSchema,
  PasskeyCreationOptionsSchema,
  PasskeyListSchema,
  PasskeyReplySchema,
  PasskeyRequestOptionsSchema,
} from "@/lib/auth/responses";
import { PasskeyCreateSchema, PasskeyIdParamsSchema, PasskeyLoginSchema, PasskeyRenameSchema } from "@/lib/auth/schemas";

const EXAMPLE_PASSKEY = {
  id: "01936f8e-9b22-7c31-8d4e-5f6071829304",
  credentialId: "KEbWNCc7NgaYnUyrNeFGX9_3Y-8oIuEPAORXQUGaVtg",
  name: "iCloud Keychain",
  createdAt: "2025-01-15T09:30:00.000Z",
  lastUsedAt: "2025-01-16T08:00:00.000Z",
  backedUp: true,
  counterRegressedAt: null,
} as const;

// Shortened: real values are longer base64url.
const EXAMPLE_CHALLENGE = "dGhpcyBpcyBhIDI1Ni1iaXQgY2hhbGxlbmdlIGV4YW1wbGU";
const EXAMPLE_CREDENTIAL_ID = EXAMPLE_PASSKEY.credentialId;
const EXAMPLE_CLIENT_DATA = "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiZEdocGN5QnBjeUJoIn0";

const NOT_FOUND = { ...COMMON_ERRORS.notFound, description: "The caller has no passkey with this id (another user's included)." };
const INVALID_RESPONSE = {
  status: 400,
  codes: ["invalid_passkey_response"],
  description:
    "The response does not answer a live registration challenge issued to the caller (used, expired, from another " +
    "ceremony or another account), comes from another origin than `APP_ORIGIN` or another RP id, lacks user " +
    "verification, or the passkey is registered already.",
} as const;

export const passkeyCreationOptions = defineOperation({
  id: "passkeyCreationOptions",
  method: "POST",
  path: "/api/auth/passkeys/options",
  tag: "Passkeys",
  summary: "Options to add a passkey",
  description:
    "WebAuthn creation options for `navigator.credentials.create()`: a discoverable credential " +
    "with user verification required, no attestation, the caller's existing passkeys excluded. The challenge is " +
    "single use and valid 5 minutes; send the response to `POST /api/auth/passkeys`.",
  access: "user",
  sensitive: true,
  success: {
    status: 200,
    description: "Creation options (WebAuthn `PublicKeyCredentialCreationOptionsJSON`).",
    schema: PasskeyCreationOptionsSchema,
    example: {
      rp: { name: "JWT Items", id: "items.example.com" },
      user: { id: "AZNvjnxKfT6bGi9MXW5_gA", name: EXAMPLE_USER.email, displayName: EXAMPLE_USER.name },
      challenge: EXAMPLE_CHALLENGE,
      pubKeyCredParams: [{ alg: -8, type: "public-key" }, { alg: -7, type: "public-key" }, { alg: -257, type: "public-key" }],
      timeout: 300000,
      attestation: "none",
      excludeCredentials: [],
      authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
    },
  },
});

export const addPasskey = defineOperation({
  id: "addPasskey",
  method: "POST",
  path: "/api/auth/passkeys",
  tag: "Passkeys",
  summary: "Add a passkey",
  description:
    "The response of `navigator.credentials.create()` to options from `POST /api/auth/passkeys/options`. Without " +
    "`name`, the passkey is named after its authenticator's model where it is known (iCloud Keychain, Google " +
    "Password Manager, Windows Hello, 1Password, …). A notice is mailed to the account's address.",
  access: "user",
  body: {
    schema: PasskeyCreateSchema,
    required: true,
    example: {
      response: {
        id: EXAMPLE_CREDENTIAL_ID,
        rawId: EXAMPLE_CREDENTIAL_ID,
        type: "public-key",
        response: { clientDataJSON: EXAMPLE_CLIENT_DATA, attestationObject: "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YQ", transports: ["internal", "hybrid"] },
        clientExtensionResults: {},
      },
      name: "Work laptop",
    },
  },
  success: {
    status: 201,
    description: "The new passkey; `Location` names it.",
    schema: PasskeyReplySchema,
    headers: ["Location"],
    example: { passkey: EXAMPLE_PASSKEY },
  },
  errors: [INVALID_RESPONSE],
});

export const listPasskeys = defineOperation({
  id: "listPasskeys",
  method: "GET",
  path: "/api/auth/passkeys",
  tag: "Passkeys",
  summary: "The caller's passkeys",
  access: "user",
  success: { status: 200, description: "Oldest first.", schema: PasskeyListSchema, example: { passkeys: [EXAMPLE_PASSKEY] } },
});

export const renamePasskey = defineOperation({
  id: "renamePasskey",
  method: "PATCH",
  path: "/api/auth/passkeys/[id]",
  tag: "Passkeys",
  summary: "Rename a passkey",
  access: "user",
  params: PasskeyIdParamsSchema,
  body: { schema: PasskeyRenameSchema, required: true, example: { name: "Work laptop" } },
  success: { status: 200, description: "The renamed passkey.", schema: PasskeyReplySchema, example: { passkey: { ...EXAMPLE_PASSKEY, name: "Work laptop" } } },
  errors: [NOT_FOUND],
});

export const removePasskey = defineOperation({
  id: "removePasskey",
  method: "DELETE",
  path: "/api/auth/passkeys/[id]",
  tag: "Passkeys",
  summary: "Remove a passkey",
  description: "It signs in no more; a notice is mailed to the account's address.",
  access: "user",
  sensitive: true,
  params: PasskeyIdParamsSchema,
  success: { status: 204, description: "Removed." },
  errors: [NOT_FOUND],
});

export const passkeyLoginOptions = defineOperation({
  id: "passkeyLoginOptions",
  method: "POST",
  path: "/api/auth/passkeys/login/options",
  tag: "Passkeys",
  summary: "Options to sign in with a passkey",
  description:
    "Public. WebAuthn request options with an empty `allowCredentials`: the browser offers the passkeys it holds for " +
    "this site (also as autofill, with `mediation: \"conditional\"`). User verification is required. The challenge " +
    "is single use and valid 5 minutes.",
  access: "public",
  success: {
    status: 200,
    description: "Request options (WebAuthn `PublicKeyCredentialRequestOptionsJSON`).",
    schema: PasskeyRequestOptionsSchema,
    example: { challenge: EXAMPLE_CHALLENGE, rpId: "items.example.com", timeout: 300000, userVerification: "required", allowCredentials: [] },
  },
});

export const passkeyLogIn = defineOperation({
  id: "passkeyLogIn",
  method: "POST",
  path: "/api/auth/passkeys/login",
  tag: "Passkeys",
  summary: "Sign in with a passkey",
  description:
    "The response of `navigator.credentials.get()` to options from `POST /api/auth/passkeys/login/options`. Answers " +
    "like a login (tokens, cookies, device token) with a session at `aal` 2 and `amr` `[\"passkey\"]`. Each attempt " +
    "counts against the client address's login limit until it succeeds.",
  access: "public",
  delivers: "tokens-and-cookies",
  refuseCrossSite: true,
  body: {
    schema: PasskeyLoginSchema,
    required: true,
    example: {
      response: {
        id: EXAMPLE_CREDENTIAL_ID,
        rawId: EXAMPLE_CREDENTIAL_ID,
        type: "public-key",
        response: {
          clientDataJSON: EXAMPLE_CLIENT_DATA,
          authenticatorData: "SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MdAAAAAA",
          signature: "MEUCIQCv7EqsBRtf2E4o_BjzZfBwNpP8fLjd5y6TUOLWt5l9DQ",
          userHandle: "AZNvjnxKfT6bGi9MXW5_gA",
        },
        clientExtensionResults: {},
      },
    },
  },
  success: { status: 200, description: "A new session at `aal` 2.", schema: AuthResultSchema, example: { user: EXAMPLE_USER, ...EXAMPLE_TOKENS } },
  errors: [
    {
      status: 401,
      codes: ["invalid_passkey"],
      description: "An unknown or removed credential, a bad signature, no user verification, a used, expired or foreign challenge, another origin or RP id, or a signature counter that went backwards.",
      headers: ["WWW-Authenticate"],
    },
    { status: 403, codes: ["csrf_failed"], description: "A browser request from another site (login CSRF)." },
    COMMON_ERRORS.rateLimited,
  ],
});
