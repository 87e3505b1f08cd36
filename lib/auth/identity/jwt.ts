// The only module that signs or verifies access tokens. Edge-safe (middleware uses it):
// jose and Web Crypto only.
import { errors, jwtVerify, SignJWT } from "jose";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/ids";

export type Role = "user" | "admin";

export type AccessClaims = { sub: string; sid: string; role: Role };

/**
 * What the session has proved, as claims (README: Tokens): `aal`, `amr` and `auth_time`.
 * They describe the session for clients; the server decides from the session row
 * (lib/auth/factors/sensitive.ts), so verification does not read them.
 */
export type AssuranceClaims = { aal: 1 | 2; amr: readonly string[]; authTime: Date };

// A session as a password login creates it (the factories' tokens, which name no other).
const PASSWORD_JUST_NOW = (): AssuranceClaims => ({ aal: 1, amr: ["pwd"], authTime: new Date() });

// RFC 9068's type for access tokens, required on verify: no other JWT signed with this key
// (now or by a later feature) can be passed off as an access token.
const TYPE = "at+jwt";

export type SigningAlgorithm = "HS256" | "ES256" | "EdDSA";
/** A key as signing and verification use it: imported once, its algorithm pinned to its kid. */
export type TokenKey = { kid: string; alg: SigningAlgorithm; key: CryptoKey };

/**
 * Where the keys come from. Node instances use the key set loaded from the database
 * (lib/auth/identity/signing-keys.ts registers it); the edge middleware the published JWKS
 * (lib/auth/identity/remote-keys.ts). With neither, only JWT_SECRET's HS256 key.
 */
export type KeySource = {
  signing(): Promise<TokenKey>;
  /** The asymmetric key a kid names, or null: unknown, revoked or withdrawn. */
  verifying(kid: string, headers?: Headers): Promise<TokenKey | null>;
};

// A CryptoKey, imported once: given raw bytes, jose imports them again on every sign and
// verify (a Web Crypto call, on Node's thread pool), which is most of a verify's cost.
let secretKey: Promise<TokenKey> | undefined;
/**
 * JWT_SECRET's HS256 key. Its kid is derived from a hash of the secret (not secret itself),
 * so a token says which secret signed it and switching JWT_ALG away and back works.
 */
export const secretTokenKey = (): Promise<TokenKey> =>
  (secretKey ??= (async () => {
    const bytes = new TextEncoder().encode(env.JWT_SECRET);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`jwt-items hs256 kid\0${env.JWT_SECRET}`));
    const kid = `hs256-${base64url(new Uint8Array(digest).subarray(0, 12))}`;
    const key = await crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    return { kid, alg: "HS256", key };
  })());

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * HS256 tokens keep verifying whatever JWT_ALG says, while JWT_SECRET is the secret they
 * were signed with: switching to ES256 logs no one out, and whoever holds JWT_SECRET could
 * open the sealed private keys anyway (docs/decisions/0037-signing-keys.md). Tokens from
 * before kids (none in their header) are HS256 tokens.
 */
async function secretKeyFor(kid: string | undefined): Promise<TokenKey | null> {
  const secret = await secretTokenKey();
  return kid === undefined || kid === secret.kid ? secret : null;
}

/** JWT_SECRET only: what signs and verifies where no key set is registered. */
export const secretKeySource: KeySource = {
  signing: async () => {
    if (env.JWT_ALG !== "HS256") throw new Error(`JWT_ALG is ${env.JWT_ALG}, but this process has no key set to sign with`);
    return secretTokenKey();
  },
  // The secret's own kid is answered before any source is asked.
  verifying: async () => null,
};

// Kept on globalThis: Next may load this module more than once in one Node process
// (instrumentation and route bundles), and every copy must see the one key set.
const REGISTERED = Symbol.for("jwt-items.key-source");
type Registry = { [REGISTERED]?: KeySource };
export function registerKeySource(source: KeySource | undefined): void {
  (globalThis as Registry)[REGISTERED] = source;
}
const defaultSource = (): KeySource => (globalThis as Registry)[REGISTERED] ?? secretKeySource;

const isId = (value: unknown): value is string => typeof value === "string" && isUuid(value);

export class TokenError extends Error {
  override name = "TokenError";
  constructor(readonly code: "invalid_token" | "token_expired", message: string) {
    super(message);
  }
}

/**
 * Signs a token for `lifetime` seconds (ACCESS_TOKEN_TTL unless its session ends sooner:
 * revocation checks trust a token's `exp` to be no later than its session's expiry).
 */
export async function signAccessToken(
  claims: AccessClaims & { assurance?: AssuranceClaims },
  lifetime = env.ACCESS_TOKEN_TTL,
  keys: KeySource = defaultSource(),
): Promise<string> {
  const signer = await keys.signing();
  const { aal, amr, authTime } = claims.assurance ?? PASSWORD_JUST_NOW();
  return new SignJWT({ sid: claims.sid, role: claims.role, aal, amr: [...amr], auth_time: Math.floor(authTime.getTime() / 1000) })
    .setProtectedHeader({ alg: signer.alg, typ: TYPE, kid: signer.kid })
    .setSubject(claims.sub)
    .setIssuer(env.JWT_ISSUER)
    .setAudience(env.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${lifetime}s`)
    .sign(signer.key);
}

/** The key a token's header names, its algorithm pinned to it; TokenError when there is none. */
async function keyFor(kid: string | undefined, alg: string | undefined, keys: KeySource, headers?: Headers): Promise<TokenKey> {
  const chosen = (await secretKeyFor(kid)) ?? (kid ? await keys.verifying(kid, headers) : null);
  if (!chosen || chosen.alg !== alg) throw new TokenError("invalid_token", "The access token is invalid.");
  return chosen;
}

// Tokens already verified, by their exact text. A client sends the same access token with
// every request of its lifetime, and the signature check is most of a verification's cost
// (an ECDSA verify for ES256, in the middleware and again in the handler). A token seen
// again skips it: its text is the very bytes whose signature and claims were checked, so
// only what can change since is checked again, at every use: the clock against `exp`, and
// that the key source still hands out the very key that verified it (a revoked or withdrawn
// kid gets null, another source or a new JWT_SECRET another key). Only verified tokens get
// in; the oldest entry leaves when the map is full.
const VERIFIED_MAX = 10_000;
type Verified = { kid: string | undefined; alg: string; key: CryptoKey; claims: AccessClaims; exp: number };
const verified = new Map<string, Verified>();

async function verifiedBefore(token: string, keys: KeySource, headers?: Headers): Promise<AccessClaims | null> {
  const entry = verified.get(token);
  if (!entry) return null;
  // jose's test: expired when `exp` is not after the current second.
  const live = entry.exp > Math.floor(Date.now() / 1000) && (await keyFor(entry.kid, entry.alg, keys, headers).catch(() => null))?.key === entry.key;
  if (live) return { ...entry.claims };
  verified.delete(token);
  return null;
}

function remember(token: string, entry: Verified): void {
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(token, entry);
}

/**
 * Verifies signature, algorithm, `iss`, `aud` and `exp`; throws TokenError otherwise. The
 * algorithm is pinned per key: the kid's key decides it, never the token's `alg` alone, so
 * `none`, or an HS256 token "signed" with a public key, is refused.
 */
export async function verifyAccessToken(
  token: string,
  keys: KeySource = defaultSource(),
  headers?: Headers,
): Promise<AccessClaims> {
  const known = await verifiedBefore(token, keys, headers);
  if (known) return known;
  try {
    let used: TokenKey | undefined;
    const { payload, protectedHeader } = await jwtVerify(token, async (header) => {
      used = await keyFor(header.kid, header.alg, keys, headers);
      return used.key;
    }, {
      algorithms: ["HS256", "ES256", "EdDSA"],
      typ: TYPE,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      requiredClaims: ["sub", "sid", "role", "iat", "exp"],
    });
    const { sub, sid, role, exp } = payload;
    // Ids are UUIDs: a token naming anything else was not issued by this server as it is
    // (and would reach the database as a malformed uuid).
    if (!isId(sub) || !isId(sid) || (role !== "user" && role !== "admin")) {
      throw new TokenError("invalid_token", "The access token's claims are malformed.");
    }
    const claims: AccessClaims = { sub, sid, role };
    remember(token, { kid: protectedHeader.kid, alg: protectedHeader.alg, key: used!.key, claims, exp: exp! });
    return { ...claims };
  } catch (error) {
    if (error instanceof TokenError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw new TokenError("token_expired", "The access token has expired.");
    }
    throw new TokenError("invalid_token", "The access token is invalid.");
  }
}

/**
 * The access token a request carries: the Authorization header wins over the cookie
 * (README: Tokens, "The header wins when both are sent"). `source` matters for CSRF.
 */
function readAccessToken(
  headers: Headers,
  cookie: string | undefined,
): { token: string; source: "header" | "cookie" } | null {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(authorization);
    return { token: match?.[1] ?? "", source: "header" };
  }
  return cookie ? { token: cookie, source: "cookie" } : null;
}

export type TokenCheck =
  | { claims: AccessClaims; source: "header" | "cookie" }
  | { reason: "authentication_required" | TokenError["code"] };

/**
 * The token step of authenticating a request, shared by middleware (which stops here:
 * no database on the edge) and lib/auth/identity/caller.ts (which then checks revocation).
 */
export async function checkAccessToken(
  headers: Headers,
  cookie: string | undefined,
  keys: KeySource = defaultSource(),
): Promise<TokenCheck> {
  const presented = readAccessToken(headers, cookie);
  if (!presented) return { reason: "authentication_required" };
  try {
    return { claims: await verifyAccessToken(presented.token, keys, headers), source: presented.source };
  } catch (error) {
    if (error instanceof TokenError) return { reason: error.code };
    throw error;
  }
}
