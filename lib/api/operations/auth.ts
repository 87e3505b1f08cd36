// Accounts and tokens: signup, login, refresh, logout, the caller's account and password.
import { ACCOUNT_DISABLED, COMMON_ERRORS, CROSS_SITE_FORM, REFRESH_FAILED, WRONG_PASSWORD } from "@/lib/api/errors";
import { EXAMPLE_CREDENTIALS, EXAMPLE_TOKENS, EXAMPLE_USER } from "@/lib/api/examples";
import { defineOperation, type SecurityRequirement } from "@/lib/api/operation";
import { AuthResultSchema, LoginResultSchema, MeResponseSchema, TokenSchema } from "@/lib/auth/responses";
import {
  AccountDeleteSchema,
  LoginSchema,
  LogoutSchema,
  PasswordChangeSchema,
  ProfileUpdateSchema,
  RefreshSchema,
  SignupSchema,
} from "@/lib/auth/schemas";

// `{}` first: these work with no credential at all (a refresh token in the body).
const REFRESH_COOKIE_OR_BODY: SecurityRequirement[] = [{}, { refreshTokenCookie: [] }];
const ANY_CREDENTIAL: SecurityRequirement[] = [...REFRESH_COOKIE_OR_BODY, { bearerAuth: [] }, { accessTokenCookie: [] }];
const REFRESH_COOKIE_CROSS_SITE = { ...COMMON_ERRORS.crossSite, description: "The refresh cookie came from another origin." };

export const signUp = defineOperation({
  id: "signUp",
  method: "POST",
  path: "/api/auth/signup",
  tag: "Auth",
  summary: "Create an account and log in",
  description:
    "The email is trimmed and lower-cased. The password is 8 to 72 bytes of UTF-8 (bcrypt's limit, never truncated), " +
    "and not a common one: 400 `validation_failed` naming `password` for one in the shipped list of leaked passwords " +
    "(or, with `PASSWORD_BREACH_CHECK=hibp`, one Have I Been Pwned knows). " +
    "Sets the access and refresh cookies; a browser gets no `refresh_token` in the body, other clients do. " +
    "Mails a link that verifies the address (valid `EMAIL_VERIFY_TTL` seconds).",
  access: "public",
  delivers: "tokens-and-cookies",
  refuseCrossSite: true,
  body: { schema: SignupSchema, required: true, form: true, example: { ...EXAMPLE_CREDENTIALS, name: "Ada Lovelace" } },
  success: {
    status: 201,
    description: "The account and a new session.",
    schema: AuthResultSchema,
    headers: ["Location"],
    example: { user: EXAMPLE_USER, ...EXAMPLE_TOKENS },
  },
  errors: [
    CROSS_SITE_FORM,
    { status: 409, codes: ["email_taken"], description: "An account with this email exists." },
    COMMON_ERRORS.rateLimited,
  ],
});

export const logIn = defineOperation({
  id: "logIn",
  method: "POST",
  path: "/api/auth/login",
  tag: "Auth",
  summary: "Log in with email and password",
  description:
    "An unknown email and a wrong password get the same 401. After repeated failures for one email or one client, " +
    "429 with `Retry-After`, even with the right password; a client that sends the account's device token (the " +
    "`device` cookie, or `device_token` from an earlier login) has an allowance of its own that others' failures " +
    "cannot use up. A login that races a password change, a reset or the account's deletion gets 401, never a " +
    "session that outlives the change. For an account with a second factor the right password answers " +
    "`mfa_required` with an `mfa_token` and no session, token or cookie: complete it at `POST /api/auth/login/mfa`.",
  access: "public",
  delivers: "tokens-and-cookies",
  refuseCrossSite: true,
  body: { schema: LoginSchema, required: true, form: true, example: EXAMPLE_CREDENTIALS },
  success: {
    status: 200,
    description: "A new session; or, for an account with a second factor, `mfa_required` and the token of the second step.",
    schema: LoginResultSchema,
    example: { user: EXAMPLE_USER, ...EXAMPLE_TOKENS },
  },
  errors: [
    { status: 401, codes: ["invalid_credentials"], description: "The email or password is wrong.", headers: ["WWW-Authenticate"] },
    { ...ACCOUNT_DISABLED, description: "The password is right, but an administrator disabled the account." },
    CROSS_SITE_FORM,
    COMMON_ERRORS.rateLimited,
  ],
});

export const refreshTokens = defineOperation({
  id: "refreshTokens",
  method: "POST",
  path: "/api/auth/refresh",
  tag: "Auth",
  summary: "Exchange a refresh token for new tokens",
  description:
    "Send `refresh_token` in the body (API clients: the new one comes back in the body) or let the browser send " +
    "the refresh cookie (new cookies are set; the body has no refresh token). Every use rotates the token, and a " +
    "session has exactly one live refresh token: a rotated token presented again within `REFRESH_REUSE_GRACE` " +
    "seconds gets the same successor its first use got; later, it ends the session (`refresh_reuse`). A session " +
    "ends `REFRESH_TOKEN_TTL` after its last refresh, and `SESSION_MAX_AGE` after its login in any case.",
  access: "public",
  credentials: REFRESH_COOKIE_OR_BODY,
  delivers: "tokens",
  body: { schema: RefreshSchema, required: false, example: { refresh_token: EXAMPLE_TOKENS.refresh_token } },
  success: { status: 200, description: "New tokens.", schema: TokenSchema, example: EXAMPLE_TOKENS },
  errors: [REFRESH_FAILED, ACCOUNT_DISABLED, REFRESH_COOKIE_CROSS_SITE],
});

export const logOut = defineOperation({
  id: "logOut",
  method: "POST",
  path: "/api/auth/logout",
  tag: "Auth",
  summary: "End this session",
  description:
    "Ends the session named by the `refresh_token` in the body, else the refresh cookie, else the access token. " +
    "Idempotent: 204 (303 to the login page for the app's own plain form post), and the cookies are cleared. " +
    "A browser request from another site is 403 and clears nothing, so no page can sign its visitors out.",
  access: "public",
  credentials: ANY_CREDENTIAL,
  delivers: "cleared-cookies",
  refuseCrossSite: true,
  body: { schema: LogoutSchema, required: false, example: { refresh_token: EXAMPLE_TOKENS.refresh_token } },
  success: { status: 204, description: "Logged out; cookies cleared." },
  seeOther: { description: "Logged out by a plain HTML form post: cookies cleared, and on to the login page." },
  errors: [{ ...CROSS_SITE_FORM, description: "A browser request from another site: nothing is cleared." }],
});

export const getMe = defineOperation({
  id: "getMe",
  method: "GET",
  path: "/api/auth/me",
  tag: "Auth",
  summary: "The logged-in user",
  access: "user",
  success: { status: 200, description: "The caller's account.", schema: MeResponseSchema, example: { user: EXAMPLE_USER } },
});

export const updateMe = defineOperation({
  id: "updateMe",
  method: "PATCH",
  path: "/api/auth/me",
  tag: "Auth",
  summary: "Change the display name",
  description:
    "`name` is trimmed and at most 100 characters; `null`, `\"\"` or only spaces clear it. Other fields of the " +
    "account (email, password) have endpoints of their own; unknown fields are ignored.",
  access: "user",
  body: { schema: ProfileUpdateSchema, required: true, example: { name: "Ada Lovelace" } },
  success: { status: 200, description: "The caller's account, changed.", schema: MeResponseSchema, example: { user: EXAMPLE_USER } },
});

export const deleteMe = defineOperation({
  id: "deleteMe",
  method: "DELETE",
  path: "/api/auth/me",
  tag: "Auth",
  summary: "Delete the account",
  description:
    "Deletes the account and its items; every token of it stops working at once. A sensitive action (Step-up): the " +
    "right password is the recent proof, and an account with TOTP needs a session at `aal` 2.",
  access: "user",
  sensitive: { passwordField: "password" },
  delivers: "cleared-cookies",
  body: { schema: AccountDeleteSchema, required: true, example: { password: EXAMPLE_CREDENTIALS.password } },
  success: { status: 204, description: "Deleted; cookies cleared." },
  errors: [WRONG_PASSWORD],
});

export const changePassword = defineOperation({
  id: "changePassword",
  method: "POST",
  path: "/api/auth/password",
  tag: "Auth",
  summary: "Change the password",
  description:
    "Ends every other session of the user; this one stays logged in. Links mailed before stop working, and a notice " +
    "is mailed to the account's address. A wrong `current_password` counts as a failed login of the account. " +
    "`new_password` follows signup's rules, and must differ from the current one: else 400 `validation_failed` naming it. " +
    "A sensitive action (Step-up): the right `current_password` is the recent proof, and an account with TOTP needs a " +
    "session at `aal` 2.",
  access: "user",
  sensitive: { passwordField: "current_password" },
  body: {
    schema: PasswordChangeSchema,
    required: true,
    example: { current_password: EXAMPLE_CREDENTIALS.password, new_password: "a longer passphrase 2" },
  },
  success: { status: 204, description: "Changed." },
  errors: [WRONG_PASSWORD, COMMON_ERRORS.rateLimited],
});
