// The auth endpoints of the API contract, described for the OpenAPI document.
import type { ApiRoute } from "@/lib/auth/routes";
import {
  AccountDeleteSchema,
  AuthResultSchema,
  LoginSchema,
  LogoutSchema,
  PasswordChangeSchema,
  RefreshSchema,
  SignupSchema,
  TokenSchema,
} from "@/lib/auth/schemas";
import { COMMON_ERRORS } from "@/lib/openapi/errors";
import { EXAMPLE_TOKENS, EXAMPLE_USER } from "@/lib/openapi/examples";
import { TOKEN_SECURITY, type RouteOperations } from "@/lib/openapi/operation";
import { MeResponseSchema } from "@/lib/openapi/responses";
import type { SecurityRequirement } from "@/lib/openapi/types";

// The sessions endpoints are in paths-sessions.ts, account recovery and email in paths-recovery.ts.
type AuthRoute = Exclude<
  Extract<ApiRoute, `/api/auth/${string}`>,
  `/api/auth/sessions${string}` | `/api/auth/password/${string}` | `/api/auth/email${string}`
>;

// `{}` first: these work with no credential at all (a refresh token in the body).
const REFRESH_COOKIE_OR_BODY: SecurityRequirement[] = [{}, { refreshTokenCookie: [] }];
const ANY_CREDENTIAL: SecurityRequirement[] = [...REFRESH_COOKIE_OR_BODY, ...TOKEN_SECURITY];

const CREDENTIALS = { email: "ada@example.com", password: "correct horse battery" };
const COOKIES_SET = ["Set-Cookie"];
const crossSiteForm = {
  status: 403,
  codes: ["csrf_failed"],
  description: "A browser request from another site (login CSRF).",
} as const;
const wrongPassword = {
  status: 403,
  codes: ["invalid_credentials"],
  description: "The password given is wrong (403, not 401: the caller stays logged in).",
} as const;
const refreshFailed = {
  status: 401,
  codes: ["invalid_refresh_token", "refresh_token_expired", "refresh_token_reused", "session_revoked"],
  description: "The refresh token is unknown, expired, or was replayed after rotation (which ends the session).",
  headers: ["WWW-Authenticate"],
} as const;

export const AUTH_OPERATIONS = {
  "/api/auth/signup": {
    POST: {
      id: "signUp",
      tag: "Auth",
      summary: "Create an account and log in",
      description:
        "The email is trimmed and lower-cased. The password is 8 to 72 bytes of UTF-8 (bcrypt's limit, never truncated). " +
        "Sets the access and refresh cookies; a browser gets no `refresh_token` in the body, other clients do. " +
        "Mails a link that verifies the address (valid `EMAIL_VERIFY_TTL` seconds).",
      access: "public",
      body: { schema: SignupSchema, required: true, form: true, example: { ...CREDENTIALS, name: "Ada Lovelace" } },
      success: {
        status: 201,
        description: "The account and a new session.",
        schema: AuthResultSchema,
        headers: ["Location", ...COOKIES_SET],
        example: { user: EXAMPLE_USER, ...EXAMPLE_TOKENS },
      },
      errors: [
        crossSiteForm,
        { status: 409, codes: ["email_taken"], description: "An account with this email exists." },
        COMMON_ERRORS.rateLimited,
      ],
    },
  },
  "/api/auth/login": {
    POST: {
      id: "logIn",
      tag: "Auth",
      summary: "Log in with email and password",
      description:
        "An unknown email and a wrong password get the same 401. After repeated failures for one email or one client, " +
        "429 with `Retry-After`, even with the right password.",
      access: "public",
      body: { schema: LoginSchema, required: true, form: true, example: CREDENTIALS },
      success: {
        status: 200,
        description: "A new session.",
        schema: AuthResultSchema,
        headers: COOKIES_SET,
        example: { user: EXAMPLE_USER, ...EXAMPLE_TOKENS },
      },
      errors: [
        {
          status: 401,
          codes: ["invalid_credentials"],
          description: "The email or password is wrong.",
          headers: ["WWW-Authenticate"],
        },
        crossSiteForm,
        COMMON_ERRORS.rateLimited,
      ],
    },
  },
  "/api/auth/refresh": {
    POST: {
      id: "refreshTokens",
      tag: "Auth",
      summary: "Exchange a refresh token for new tokens",
      description:
        "Send `refresh_token` in the body (API clients: the new one comes back in the body) or let the browser send " +
        "the refresh cookie (new cookies are set; the body has no refresh token). Every use rotates the token, and a " +
        "session has exactly one live refresh token: a rotated token presented again within `REFRESH_REUSE_GRACE` " +
        "seconds gets the same successor its first use got; later, it ends the session (`refresh_reuse`). A session " +
        "ends `REFRESH_TOKEN_TTL` after its last refresh, and `SESSION_MAX_AGE` after its login in any case.",
      access: REFRESH_COOKIE_OR_BODY,
      body: { schema: RefreshSchema, required: false, example: { refresh_token: EXAMPLE_TOKENS.refresh_token } },
      success: {
        status: 200,
        description: "New tokens.",
        schema: TokenSchema,
        headers: COOKIES_SET,
        example: EXAMPLE_TOKENS,
      },
      errors: [refreshFailed, { ...COMMON_ERRORS.crossSite, description: "The refresh cookie came from another origin." }],
    },
  },
  "/api/auth/logout": {
    POST: {
      id: "logOut",
      tag: "Auth",
      summary: "End this session",
      description:
        "Ends the session named by the `refresh_token` in the body, else the refresh cookie, else the access token. " +
        "Idempotent: always 204, and the cookies are cleared.",
      access: ANY_CREDENTIAL,
      body: { schema: LogoutSchema, required: false, example: { refresh_token: EXAMPLE_TOKENS.refresh_token } },
      success: { status: 204, description: "Logged out; cookies cleared.", headers: COOKIES_SET },
      errors: [{ ...COMMON_ERRORS.crossSite, description: "The refresh cookie came from another origin." }],
    },
  },
  "/api/auth/me": {
    GET: {
      id: "getMe",
      tag: "Auth",
      summary: "The logged-in user",
      access: "token",
      success: { status: 200, description: "The caller's account.", schema: MeResponseSchema, example: { user: EXAMPLE_USER } },
    },
    DELETE: {
      id: "deleteMe",
      tag: "Auth",
      summary: "Delete the account",
      description: "Deletes the account and its items; every token of it stops working at once.",
      access: "token",
      body: { schema: AccountDeleteSchema, required: true, example: { password: CREDENTIALS.password } },
      success: { status: 204, description: "Deleted; cookies cleared.", headers: COOKIES_SET },
      errors: [wrongPassword],
    },
  },
  "/api/auth/password": {
    POST: {
      id: "changePassword",
      tag: "Auth",
      summary: "Change the password",
      description:
        "Ends every other session of the user; this one stays logged in. Links mailed before stop working, and a notice " +
        "is mailed to the account's address. A wrong `current_password` counts as a failed login of the account.",
      access: "token",
      body: {
        schema: PasswordChangeSchema,
        required: true,
        example: { current_password: CREDENTIALS.password, new_password: "a longer passphrase 2" },
      },
      success: { status: 204, description: "Changed." },
      errors: [wrongPassword, COMMON_ERRORS.rateLimited],
    },
  },
} satisfies RouteOperations<AuthRoute>;
