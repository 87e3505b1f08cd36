// The only reader of process.env. Every setting is parsed and checked once, when
// this module is first imported; a bad one stops the server at start with one line
// naming the variable. Edge-safe (middleware imports it): no Node APIs, and zod/mini
// to keep the middleware bundle small.
import * as z from "zod/mini";

/** A whole number of at least `min`, given as a string in the environment. */
const whole = (min: number) =>
  z.coerce
    .number({ error: `must be a whole number (at least ${min})` })
    .check(
      z.int({ error: `must be a whole number (at least ${min})` }),
      z.gte(min, { error: `must be at least ${min}` }),
    );
const wholeNumber = (min: number, fallback: number) => z._default(whole(min), fallback);
const atMost = (max: number) => z.number().check(z.lte(max, { error: `must be at most ${max}` }));

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * SECURITY_CONTACT's entries as URIs (RFC 9116's Contact field): an email address becomes a
 * mailto: URI; a mailto: URI or an https:// page stays as it is. Null for anything else.
 */
function contactUri(entry: string): string | null {
  const value = entry.trim();
  if (/^[^\s@:/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || (url.protocol === "mailto:" && /^[^\s@]+@[^\s@]+$/.test(url.pathname))) return value;
  } catch {
    // Not a URL either: refused below.
  }
  return null;
}
const contactList = (value: string) => value.split(",").map(contactUri);

const isHostName = (value: string) => /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(value);

/**
 * The origin passkeys are made for when APP_ORIGIN is unset: Vercel's production domain, or
 * the address `npm start` listens on (as lib/mail/links.ts's publicOrigin()).
 */
function defaultOrigin(vercelUrl: string | undefined, host: string, port: number): string {
  if (vercelUrl) return `https://${vercelUrl}`;
  return `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${port}`;
}

/**
 * A relying party id must be the origin's host or a registrable suffix of it (WebAuthn §5.1.4):
 * items.example.com may use example.com, never com or another site. Without the public
 * suffix list, a suffix must keep at least two labels; an IP address only matches itself.
 */
function rpIdProblem(rpId: string, origin: string): string | null {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return "cannot be checked against the app's origin: set APP_ORIGIN too";
  }
  if (rpId === host) return null;
  if (!host.endsWith(`.${rpId}`)) return `must be the host of the app's origin (${host}) or a suffix of it`;
  if (!rpId.includes(".") || /^[\d.]+$/.test(host)) return `must be a registrable domain, not ${rpId}`;
  return null;
}

/** MFA_ENCRYPTION_KEY's entries: comma-separated, each at least 32 bytes. */
const keyList = (value: string) => value.split(",").map((key) => key.trim());
const isKeyList = (value: string) => keyList(value).every((key) => new TextEncoder().encode(key).length >= 32);

const postgresUrl = z.optional(
  z.string().check(z.refine((v) => /^postgres(ql)?:\/\/[^/]+/.test(v), "must be a postgres:// or postgresql:// URL")),
);

const EnvSchema = z.object({
  NODE_ENV: z._default(
    z.enum(["development", "production", "test"], { error: "must be development, production or test" }),
    "development",
  ),
  DATABASE_URL: postgresUrl,
  // The direct (not pooled) connection, where DATABASE_URL goes through a transaction
  // pooler: migrations and the revocation listener need a session of their own.
  DATABASE_URL_UNPOOLED: postgresUrl,
  DATABASE_POOL_MAX: wholeNumber(1, 5),
  PGLITE_DATA_DIR: z._default(z.string().check(z.minLength(1)), ".data/pglite"),
  JWT_SECRET: z.optional(
    z.string().check(
      z.refine((v) => new TextEncoder().encode(v).length >= 32, "must be at least 32 bytes"),
    ),
  ),
  JWT_ISSUER: z._default(z.string().check(z.minLength(1)), "jwt-items"),
  // Not the issuer's name: a token minted for this API says who made it and who it is for.
  JWT_AUDIENCE: z._default(z.string().check(z.minLength(1)), "jwt-items-api"),
  // How access tokens are signed: HS256 with JWT_SECRET, or a key pair from the keys table
  // whose public half /.well-known/jwks.json publishes (docs/decisions/0037-signing-keys.md).
  JWT_ALG: z._default(z.enum(["HS256", "ES256", "EdDSA"], { error: "must be HS256, ES256 or EdDSA" }), "HS256"),
  // Seconds other services may cache the JWKS: a new key is published this long before it
  // signs, and a revoked key's tokens may still pass a third party's cached copy this long.
  JWKS_MAX_AGE: z.pipe(wholeNumber(0, 600), atMost(86_400)),
  ACCESS_TOKEN_TTL: wholeNumber(1, 900),
  REFRESH_TOKEN_TTL: wholeNumber(1, 2_592_000),
  // A longer window would let a copied token be replayed long after its first use.
  REFRESH_REUSE_GRACE: z.pipe(wholeNumber(0, 10), atMost(60)),
  // However often it is refreshed, a session ends this long after its login.
  SESSION_MAX_AGE: wholeNumber(1, 7_776_000),
  ADMIN_EMAILS: z._default(z.string(), ""),
  // Seconds a proof (a login, a second step, a re-typed password) counts as recent for a
  // sensitive action (docs/decisions/0032-second-factors.md).
  REAUTH_MAX_AGE: wholeNumber(1, 600),
  // Keys for TOTP secrets at rest: the first encrypts, every one decrypts, so a new key can
  // be put first while rows under the old one are re-encrypted as they are used. Unset: a
  // key derived from JWT_SECRET (lib/auth/factors/secret-box.ts).
  MFA_ENCRYPTION_KEY: z.optional(
    z.string().check(z.refine(isKeyList, "must be a comma-separated list of keys of at least 32 bytes each")),
  ),
  // Passkeys' relying party (docs/decisions/0036-passkeys.md): a host name, the host of the
  // app's origin or a registrable suffix of it; unset, the host of the app's origin.
  WEBAUTHN_RP_ID: z.optional(
    z.string().check(z.refine(isHostName, "must be a host name such as items.example.com (no scheme, no port)")),
  ),
  // The name browsers show beside a passkey; unset, the app's name.
  WEBAUTHN_RP_NAME: z.optional(z.string().check(z.minLength(1), z.maxLength(64, { error: "must be at most 64 characters" }))),
  // bcrypt's cost is exponential: 4 is its floor, 15 already takes seconds.
  BCRYPT_COST: z.pipe(wholeNumber(4, 12), atMost(15)),
  // `hibp`: also refuse a new password that Have I Been Pwned's range API knows. Only five
  // hex characters of its SHA-1 leave the server, and an unreachable service lets it through
  // (docs/decisions/0026-password-policy.md).
  PASSWORD_BREACH_CHECK: z._default(z.enum(["off", "hibp"], { error: "must be off or hibp" }), "off"),
  PASSWORD_BREACH_API_URL: z._default(
    z.string().check(z.refine(isHttpUrl, "must be an http:// or https:// URL")),
    "https://api.pwnedpasswords.com",
  ),
  RATE_LIMIT_WINDOW: wholeNumber(1, 900),
  LOGIN_MAX_FAILURES_PER_EMAIL: wholeNumber(1, 5),
  LOGIN_MAX_FAILURES_PER_IP: wholeNumber(1, 30),
  SIGNUP_MAX_PER_IP: wholeNumber(1, 10),
  // Days the audit trail keeps an event; older ones go with a checkpoint (lib/audit/retention.ts).
  AUDIT_RETENTION_DAYS: wholeNumber(1, 365),
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(65535)), 3000),
  // Not HOSTNAME: shells and containers set that to the machine's name.
  HOST: z._default(z.string().check(z.minLength(1)), "localhost"),
  // The app's public origin (scheme, host and port): what the CSRF check compares a
  // browser's Origin with. Unset: the origin each request was addressed to.
  APP_ORIGIN: z.optional(
    z.string().check(z.refine(isOrigin, "must be an origin such as https://items.example.com (no path, no trailing slash)")),
  ),
  // Where to report a vulnerability: served as /.well-known/security.txt (RFC 9116) and
  // named in security notices. Unset: no security.txt (its Contact field is required).
  SECURITY_CONTACT: z.optional(
    z.string().check(
      z.refine(
        (v) => contactList(v).every(Boolean),
        "must be an email address, a mailto: URI or an https:// URL (several: comma-separated)",
      ),
    ),
  ),
  // Where mail goes: an SMTP server (smtp:// with STARTTLS, smtps:// with TLS), or, unset,
  // .eml files in MAIL_OUTBOX_DIR for a person trying the app on their own machine.
  SMTP_URL: z.optional(
    z.string().check(z.refine((v) => /^smtps?:\/\/[^/]+/.test(v), "must be an smtp:// or smtps:// URL")),
  ),
  MAIL_FROM: z._default(z.string().check(z.minLength(3)), "JWT Items <no-reply@localhost>"),
  MAIL_OUTBOX_DIR: z._default(z.string().check(z.minLength(1)), ".data/outbox"),
  // How long mailed links work, in seconds.
  PASSWORD_RESET_TTL: wholeNumber(60, 1800),
  EMAIL_VERIFY_TTL: wholeNumber(60, 86_400),
  // Per hour: reset mails per email and per client address, verification mails per account.
  PASSWORD_RESET_MAX_PER_EMAIL: wholeNumber(1, 3),
  PASSWORD_RESET_MAX_PER_IP: wholeNumber(1, 10),
  VERIFY_MAIL_MAX_PER_USER: wholeNumber(1, 3),
  // Worker processes of `npm start`; unset: one per available CPU (embedded mode: one).
  WEB_CONCURRENCY: z.optional(whole(1)),
  // Seconds a stopping server gives the requests in flight before it closes their connections.
  SHUTDOWN_TIMEOUT: wholeNumber(1, 10),
  // Seconds a request body may take to arrive under `npm start`, from the end of its
  // headers; then 408. At most 120: node:http's own requestTimeout (300 s) must stay later.
  REQUEST_BODY_TIMEOUT: z.pipe(wholeNumber(1, 10), z.number().check(z.lte(120, { error: "must be at most 120" }))),
  // How many reverse proxies in front of `npm start` append to X-Forwarded-For.
  TRUSTED_PROXY_HOPS: wholeNumber(0, 0),
  // Set by Vercel itself; there the platform's own headers carry the client address.
  VERCEL: z.optional(z.string()),
  // Set by Vercel too: the production domain, which mailed links use when APP_ORIGIN is unset.
  VERCEL_PROJECT_PRODUCTION_URL: z.optional(z.string()),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "ADMIN_EMAILS" | "JWT_SECRET" | "MFA_ENCRYPTION_KEY" | "SECURITY_CONTACT"> & {
  JWT_SECRET: string;
  ADMIN_EMAILS: ReadonlySet<string>;
  /** Newest first; empty when unset. */
  MFA_ENCRYPTION_KEY: readonly string[];
  /** As URIs (mailto: or https:); empty when unset. */
  SECURITY_CONTACT: readonly string[];
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses a set of variables; throws a ConfigError whose message names the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable counts as unset, as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    const value = present[name];
    const reason = value === undefined ? "is required" : (issue?.message ?? "is invalid");
    throw new ConfigError(`Invalid configuration: ${name} ${reason}`);
  }
  const { JWT_SECRET, ADMIN_EMAILS, MFA_ENCRYPTION_KEY, SECURITY_CONTACT, ...rest } = result.data;
  if (rest.VERCEL && !rest.DATABASE_URL) {
    // Serverless functions have no lasting disk: the embedded database would vanish.
    throw new ConfigError("Invalid configuration: DATABASE_URL is required on Vercel");
  }
  if (rest.VERCEL && !rest.SMTP_URL) {
    // Vercel's files are read-only: there is no outbox to write mail to.
    throw new ConfigError("Invalid configuration: SMTP_URL is required on Vercel");
  }
  if (rest.VERCEL && !rest.APP_ORIGIN && !rest.VERCEL_PROJECT_PRODUCTION_URL) {
    throw new ConfigError("Invalid configuration: APP_ORIGIN is required on Vercel (mailed links point at it)");
  }
  if (!JWT_SECRET) {
    throw new ConfigError(
      rest.DATABASE_URL
        ? "Invalid configuration: JWT_SECRET is required when DATABASE_URL is set"
        : "Invalid configuration: JWT_SECRET is missing (`npm run dev` and `npm start` write one to .env.local)",
    );
  }
  const origin = rest.APP_ORIGIN ?? defaultOrigin(rest.VERCEL_PROJECT_PRODUCTION_URL, rest.HOST, rest.PORT);
  const rpProblem = rest.WEBAUTHN_RP_ID ? rpIdProblem(rest.WEBAUTHN_RP_ID, origin) : null;
  if (rpProblem) throw new ConfigError(`Invalid configuration: WEBAUTHN_RP_ID ${rpProblem}`);
  const admins = ADMIN_EMAILS.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
  const mfaKeys = MFA_ENCRYPTION_KEY ? keyList(MFA_ENCRYPTION_KEY) : [];
  const contacts = SECURITY_CONTACT ? contactList(SECURITY_CONTACT).filter((uri) => uri !== null) : [];
  return { ...rest, JWT_SECRET, ADMIN_EMAILS: new Set(admins), MFA_ENCRYPTION_KEY: mfaKeys, SECURITY_CONTACT: contacts };
}

export const env: Env = parseEnv(process.env);
